/**
 * "Does not agree" on a note or a card (map-model MM-25): who has said they see it differently,
 * and, for a person who may write, an "I disagree" button that records their own disagreement and,
 * once it is recorded, reads 'Take back "I disagree"': the words say what a second tap does, for
 * sight and screen readers alike (so no `aria-pressed`, which would read "pressed" on changed words). The item itself stays as it is: disagreement is kept, not edited
 * away (domain guide §7).
 *
 *   <Disagreements list={item.disagreements} selfId={me} canWrite onToggle={(on) => …} />
 */
import { disagreementMessage, type Disagreement } from '@safetymap/map-model'
import { useI18n } from '../i18n/I18nProvider.tsx'

/** Props of {@link Disagreements}. */
export interface DisagreementsProps {
  readonly list: readonly Disagreement[] | undefined
  readonly selfId: string
  readonly canWrite: boolean
  /** Id of the item's text, so the toggle says what it is about. */
  readonly describedBy?: string
  readonly onToggle: (disagree: boolean) => void
}

/** The marker and the toggle. */
export function Disagreements({ list = [], selfId, canWrite, describedBy, onToggle }: DisagreementsProps) {
  const { t } = useI18n()
  const mine = list.some((d) => d.participantId === selfId)
  const names = list.filter((d) => d.participantId !== selfId).map((d) => d.name || t('phone.byUnknown'))
  const said = disagreementMessage({ names, includesYou: mine })
  return (
    <>
      {list.length > 0 ? (
        <p className="phone-disagree" data-testid="disagreements">
          {t(said.key, said.vars)}
        </p>
      ) : null}
      {canWrite ? (
        <div className="phone-actions">
          <button
            type="button"
            className={mine ? 'phone-disagree-toggle phone-disagree-toggle--mine' : 'phone-disagree-toggle'}
            aria-describedby={describedBy}
            onClick={() => onToggle(!mine)}
          >
            {t(mine ? 'toolkit.disagree.takeBack' : 'toolkit.disagree.button')}
          </button>
        </div>
      ) : null}
    </>
  )
}
