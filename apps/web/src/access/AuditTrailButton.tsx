/**
 * The facilitator's "Audit trail" button (meeting bar) and its panel: who did what in this
 * meeting and when, newest first, read from the server each time it opens. Names come from the
 * roster at view time; the log holds ids only and never map content.
 *
 *   {role === 'facilitator' && <AuditTrailButton meetingId={meeting.id} roster={access.roster} />}
 */
import { useCallback, useId, useState } from 'react'
import { usePanelKeyboard } from '../ui/usePanelKeyboard.ts'
import { api, type RosterEntry } from '../api/api.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { FormError } from '../ui/FormError.tsx'
import { auditTrailRows, type AuditTrailRow } from './auditTrailRows.ts'
import './access.css'

type TrailState = { kind: 'loading' } | { kind: 'ready'; rows: AuditTrailRow[] } | { kind: 'failed'; messageKey: MessageKey }

/** Props of {@link AuditTrailButton}. */
export interface AuditTrailButtonProps {
  readonly meetingId: string
  readonly roster: readonly RosterEntry[] | null
}

/** The button and, while open, the trail. */
export function AuditTrailButton({ meetingId, roster }: AuditTrailButtonProps) {
  const { t, locale } = useI18n()
  const panelId = useId()
  const [state, setState] = useState<TrailState | null>(null)
  const keys = usePanelKeyboard(state !== null, useCallback(() => setState(null), []))

  const open = async () => {
    setState({ kind: 'loading' })
    const [trail, people] = await Promise.all([api.getAuditTrail(meetingId), api.listParticipants(meetingId)])
    if (!trail.ok) return setState({ kind: 'failed', messageKey: trail.error.messageKey })
    setState({ kind: 'ready', rows: auditTrailRows(trail.value.entries, people.ok ? people.value.participants : roster, t, locale) })
  }

  return (
    <div className="audit-trail">
      <button ref={keys.buttonRef} type="button" aria-expanded={state !== null} aria-controls={panelId} onClick={() => (state ? setState(null) : void open())}>
        {t('audit.button')}
      </button>
      {state ? (
        <section ref={keys.panelRef} tabIndex={-1} id={panelId} className="bar-panel audit-trail-panel" role="dialog" aria-label={t('audit.heading')}>
          <h2>{t('audit.heading')}</h2>
          <p>{t('audit.intro')}</p>
          {state.kind === 'loading' ? <p aria-live="polite">{t('app.loading')}</p> : null}
          <FormError messageKey={state.kind === 'failed' ? state.messageKey : null} />
          {state.kind === 'ready' && state.rows.length === 0 ? <p>{t('audit.empty')}</p> : null}
          {state.kind === 'ready' && state.rows.length > 0 ? (
            <div className="audit-trail-scroll">
              <table data-testid="audit-trail">
                <thead>
                  <tr>
                    <th scope="col">{t('audit.when')}</th>
                    <th scope="col">{t('audit.who')}</th>
                    <th scope="col">{t('audit.what')}</th>
                  </tr>
                </thead>
                <tbody>
                  {state.rows.map((row) => (
                    <tr key={row.key}>
                      <td>
                        <time dateTime={row.at}>{row.when}</time>
                      </td>
                      <td>{row.who}</td>
                      <td>{row.what}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <button type="button" onClick={keys.close}>
            {t('audit.close')}
          </button>
        </section>
      ) : null}
    </div>
  )
}
