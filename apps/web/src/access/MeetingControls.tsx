/**
 * The facilitator's meeting-wide controls: finish the map (read-only for everyone; asks first),
 * reopen it as a new version, and end the meeting for everyone (asks first).
 *
 *   <MeetingControls finalized={access.finalized} onFinalize={…} onReopen={…} onEnd={…} />
 */
import { useI18n } from '../i18n/I18nProvider.tsx'
import { ConfirmAction } from './ConfirmAction.tsx'

/** Props of {@link MeetingControls}. */
export interface MeetingControlsProps {
  readonly finalized: boolean
  readonly onFinalize: () => void | Promise<void>
  readonly onReopen: () => void | Promise<void>
  readonly onEnd: () => void | Promise<void>
}

/** End, finish and reopen. */
export function MeetingControls({ finalized, onFinalize, onReopen, onEnd }: MeetingControlsProps) {
  const { t } = useI18n()
  return (
    <section className="access-section">
      <h3>{t('controls.heading')}</h3>
      {finalized ? (
        <button type="button" onClick={() => void onReopen()}>
          {t('controls.reopen')}
        </button>
      ) : (
        <ConfirmAction
          label={t('controls.finalize')}
          question={t('controls.finalizeConfirm')}
          confirmLabel={t('controls.finalizeYes')}
          onConfirm={onFinalize}
        />
      )}
      <ConfirmAction
        label={t('controls.end')}
        question={t('controls.endConfirm')}
        confirmLabel={t('controls.endYes')}
        onConfirm={onEnd}
      />
    </section>
  )
}
