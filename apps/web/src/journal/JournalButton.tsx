/**
 * The board's "Safety journal" button, in the "Who's here" panel under the people, and its dialog:
 * the same journal the phones show, to read and (except for viewers) add to, whether the map is
 * live or finished. Over the whole page, as the tools' builders are over the canvas (their
 * backdrop, so the pointer stays off the map); keys stop at the dialog so tldraw does not act on
 * what is typed.
 *
 *   <JournalButton meetingId={meeting.id} canWrite={role !== 'viewer'} />
 */
import { useCallback, useId, useState } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { usePanelKeyboard } from '../ui/usePanelKeyboard.ts'
import { SafetyJournal } from './SafetyJournal.tsx'

export function JournalButton({ meetingId, canWrite }: { readonly meetingId: string; readonly canWrite: boolean }) {
  const { t } = useI18n()
  const panelId = useId()
  const [open, setOpen] = useState(false)
  const keys = usePanelKeyboard(open, useCallback(() => setOpen(false), []))
  return (
    <>
      <button ref={keys.buttonRef} type="button" className="journal-open" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        {t('journal.heading')}
      </button>
      {open && (
        <div className="sm-builder-backdrop journal-backdrop" onPointerDown={(event) => event.stopPropagation()}>
          <section
            ref={keys.panelRef}
            tabIndex={-1}
            id={panelId}
            className="sm-builder journal-dialog"
            role="dialog"
            aria-labelledby={`${panelId}-heading`}
            onKeyDown={(event) => event.stopPropagation()}
          >
            <SafetyJournal meetingId={meetingId} canWrite={canWrite} headingId={`${panelId}-heading`} />
            <button type="button" className="journal-close" onClick={keys.close}>
              {t('journal.close')}
            </button>
          </section>
        </div>
      )}
    </>
  )
}
