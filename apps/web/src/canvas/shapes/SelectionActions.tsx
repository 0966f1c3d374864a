/**
 * The toolkit toggles that act on what is selected ("Direct quote", "I disagree"). With nothing
 * for them selected they stay focusable (`aria-disabled`, not `disabled`), and pressing or
 * focusing one says why beside them: "Choose a note or statement on the board first" — a hover
 * tooltip alone reaches neither a keyboard nor a finger.
 *
 *   <SelectionActions actions={[{ label: 'toolkit.directQuote', hint: 'toolkit.directQuoteHint', ready, pressed, onPress }]} />
 */
import { useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import type { MessageKey } from '../../i18n/messages.ts'

/** One toggle: `ready` when the selection holds something it applies to. */
export interface SelectionAction {
  readonly label: MessageKey
  readonly hint: MessageKey
  readonly ready: boolean
  readonly pressed: boolean
  readonly onPress: () => void
}

/** The toggles, then the line that says why one cannot be used yet. */
export function SelectionActions({ actions }: { actions: readonly SelectionAction[] }) {
  const { t } = useI18n()
  // The toggle pressed or focused last, while it keeps the focus.
  const [asking, setAsking] = useState<MessageKey | null>(null)
  const why = actions.some((action) => action.label === asking && !action.ready)
  return (
    <>
      {actions.map((action) => (
        <button
          key={action.label}
          type="button"
          aria-pressed={action.pressed}
          aria-disabled={!action.ready}
          title={t(action.hint)}
          onFocus={() => setAsking(action.label)}
          onBlur={() => setAsking(null)}
          // Safari does not focus a clicked button: the press asks too.
          onClick={action.ready ? action.onPress : () => setAsking(action.label)}
        >
          {t(action.label)}
        </button>
      ))}
      {/* Always there, so a screen reader reads the line when it comes. */}
      <span className="sm-toolkit-bar__why" role="status" data-testid="toolkit-needs-selection">
        {why ? t('toolkit.chooseFirst') : ''}
      </span>
    </>
  )
}
