/**
 * The facilitator's "Meeting details" button on the meeting page and its dialog: the details the
 * case-file export prints (case reference, kind of meeting, purpose, start and end times) and the
 * meeting's language (`meetingLocale`, as the doc has it now), saved with the meeting. The server records each change in the audit log (which fields, never what).
 * A time left half filled in (a date without a time) is refused beside its field, with the
 * keyboard moved there, and nothing is saved until it is finished or cleared. Each new `openAt`
 * (the facilitator's "Meeting steps") opens the dialog with the keyboard on that field.
 *
 *   {role === 'facilitator' && <MeetingDetailsButton meeting={meeting} meetingLocale={meetingLocale} finalized={access.finalized} openAt={asked} />}
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'
import type { Locale } from '@safetymap/map-model'
import { BusyButton } from '../access/BusyButton.tsx'
import { usePanelKeyboard } from '../ui/usePanelKeyboard.ts'
import { api, type Meeting } from '../api/api.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { FormError } from '../ui/FormError.tsx'
import { MeetingDetailsFields } from './MeetingDetailsFields.tsx'
import { MeetingLanguageField } from './MeetingLanguageField.tsx'
import { detailsFromDraft, draftFromDetails, endsBeforeStart } from './meetingDetailsDraft.ts'
import { useIncompleteTime } from './useIncompleteTime.ts'
import './meetingDetails.css'

/** A field "Meeting steps" opens the dialog at (its `name` in {@link MeetingDetailsFields}). */
export type MeetingDetailsField = 'purpose' | 'agreements'

/** Asks the dialog to open at `field`; a new object each time, so asking again works. */
export interface MeetingDetailsRequest {
  readonly field: MeetingDetailsField
}

/** Button plus dialog. */
export function MeetingDetailsButton({
  meeting,
  meetingLocale,
  finalized,
  openAt = null,
}: {
  readonly meeting: Meeting
  readonly meetingLocale: Locale
  readonly finalized: boolean
  readonly openAt?: MeetingDetailsRequest | null
}) {
  const { t } = useI18n()
  const dialogId = useId()
  const [open, setOpen] = useState(false)
  const keys = usePanelKeyboard(open, useCallback(() => setOpen(false), []))
  const [focusField, setFocusField] = useState<MeetingDetailsField | null>(null)
  useEffect(() => {
    if (!openAt) return
    setOpen(true)
    setFocusField(openAt.field)
  }, [openAt])
  // After usePanelKeyboard moved the keyboard into the panel: on to the field asked for.
  useEffect(() => {
    if (!open || !focusField) return
    keys.panelRef.current?.querySelector<HTMLElement>(`[name="${focusField}"]`)?.focus()
    setFocusField(null)
  }, [open, focusField, keys.panelRef])
  const [draft, setDraft] = useState(() => draftFromDetails(meeting))
  // Until picked here, the meeting's language as it is now (a co-facilitator may have changed it).
  const [pickedLocale, setPickedLocale] = useState<Locale | null>(null)
  const locale = pickedLocale ?? meetingLocale
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'failed'; messageKey: MessageKey }>({ kind: 'idle' })
  const times = useIncompleteTime()

  const edit = (next: typeof draft) => {
    setDraft(next)
    setState({ kind: 'idle' })
    times.clear()
  }

  const save = async (event: FormEvent) => {
    event.preventDefault()
    if (times.refuse()) return setState({ kind: 'idle' })
    if (endsBeforeStart(draft)) return setState({ kind: 'failed', messageKey: 'meetingDetails.endBeforeStart' })
    setState({ kind: 'saving' })
    const result = await api.updateMeetingDetails(meeting.id, { ...detailsFromDraft(draft), locale })
    if (!result.ok) return setState({ kind: 'failed', messageKey: result.error.messageKey })
    setDraft(draftFromDetails(result.value))
    setPickedLocale(null)
    setState({ kind: 'saved' })
  }

  return (
    <div className="meeting-details">
      <button ref={keys.buttonRef} type="button" aria-expanded={open} aria-controls={dialogId} onClick={() => setOpen((o) => !o)}>
        {t('meetingDetails.button')}
      </button>
      {open && (
        <section ref={keys.panelRef} tabIndex={-1} id={dialogId} className="bar-panel meeting-details-dialog" role="dialog" aria-label={t('meetingDetails.heading')}>
          <h2>{t('meetingDetails.heading')}</h2>
          <p className="meeting-details-hint">{t('meetingDetails.intro')}</p>
          <form className="stack" onSubmit={save} aria-busy={state.kind === 'saving'} noValidate>
            {/* A finished map is a record: its details change only after reopening it. */}
            {finalized && <p>{t('meetingDetails.finalized')}</p>}
            <fieldset disabled={finalized}>
              <MeetingLanguageField
                value={locale}
                onChange={(next) => {
                  setPickedLocale(next)
                  setState({ kind: 'idle' })
                }}
              />
              <MeetingDetailsFields value={draft} onChange={edit} timeRefs={times.timeRefs} incompleteTime={times.incompleteTime} />
            </fieldset>
            {state.kind === 'failed' && <FormError messageKey={state.messageKey} />}
            {state.kind === 'saved' && (
              <p role="status" data-testid="meeting-details-saved">
                {t('meetingDetails.saved')}
              </p>
            )}
            <div className="meeting-details-actions">
              {/* Busy, not disabled: the keyboard stays on it while saving (and on a finished map). */}
              <BusyButton type="submit" className="primary" busy={finalized || state.kind === 'saving'}>
                {t('meetingDetails.save')}
              </BusyButton>
              <button type="button" onClick={keys.close}>
                {t('meetingDetails.close')}
              </button>
            </div>
          </form>
        </section>
      )}
    </div>
  )
}
