/**
 * The facilitator's meeting-wide controls: finish the map (read-only for everyone; asks first),
 * reopen it as a new version, and end the meeting for everyone (asks first; not offered once it has
 * ended: family and network are out for good, and ending again would only move the end). Finishing or
 * reopening leaves the keyboard on the button that took the used one's place. When some people's
 * private ratings are not shown yet, "Finish the map?" says so and what to do: finishing would
 * leave them out of the record (a warning; finishing anyway stays possible). Ending a map that is
 * not finished (never, or reopened since) says that the case file will hold it as a draft.
 *
 *   <MeetingControls finalized={access.finalized} ended={false} hiddenRaters={2} onFinalize={…} onReopen={…} onEnd={…} />
 */
import { useEffect, useRef } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { ConfirmAction } from './ConfirmAction.tsx'

/** Props of {@link MeetingControls}. */
export interface MeetingControlsProps {
  readonly finalized: boolean
  /** The meeting has ended for everyone (the map stays the facilitators'). */
  readonly ended: boolean
  /** How many people gave a private rating that is not shown yet (`useHiddenRaterCount`). */
  readonly hiddenRaters: number
  readonly onFinalize: () => void | Promise<void>
  readonly onReopen: () => void | Promise<void>
  readonly onEnd: () => void | Promise<void>
}

/** End, finish and reopen. */
export function MeetingControls({ finalized, ended, hiddenRaters, onFinalize, onReopen, onEnd }: MeetingControlsProps) {
  const { t } = useI18n()
  const section = useRef<HTMLElement>(null)
  const shown = useRef(finalized)
  useEffect(() => {
    if (shown.current === finalized) return
    shown.current = finalized
    // The button just used (finish, or reopen) has gone: the keyboard goes to the one in its place, not to the page.
    const focused = document.activeElement
    if (focused === null || focused === document.body) section.current?.querySelector('button')?.focus()
  }, [finalized])
  return (
    <section ref={section} className="access-section">
      <h3>{t('controls.heading')}</h3>
      {finalized ? (
        <button type="button" onClick={() => void onReopen()}>
          {t('controls.reopen')}
        </button>
      ) : (
        <ConfirmAction
          label={t('controls.finalize')}
          question={
            hiddenRaters === 0
              ? t('controls.finalizeConfirm')
              : `${t('controls.finalizeConfirm')} ${hiddenRaters === 1 ? t('controls.finalizeHiddenOne') : t('controls.finalizeHidden', { count: hiddenRaters })}`
          }
          confirmLabel={t('controls.finalizeYes')}
          onConfirm={onFinalize}
        />
      )}
      {ended ? null : (
        <ConfirmAction
          label={t('controls.end')}
          question={finalized ? t('controls.endConfirm') : `${t('controls.endConfirm')} ${t('controls.endNotFinished')}`}
          confirmLabel={t('controls.endYes')}
          onConfirm={onEnd}
        />
      )}
    </section>
  )
}
