/**
 * The facilitator's "Invite someone" control: asks the server for an editor invite link and shows
 * it read-only (`data-testid="invite-url"`) with a Copy button. The link carries its secret in the
 * fragment, so it is safe to paste into a text message.
 *
 *   {role === 'facilitator' ? <InvitePanel meetingId={meeting.id} /> : null}
 */
import { useId, useRef, useState } from 'react'
import { api, type Invite } from '../api/api.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { FormError } from '../ui/FormError.tsx'

type CopyState = 'idle' | 'copied' | 'failed'

/** Creates and shows an invite link for `meetingId`. */
export function InvitePanel({ meetingId }: { meetingId: string }) {
  const { t, locale } = useI18n()
  const inputId = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const [invite, setInvite] = useState<Invite | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<MessageKey | null>(null)
  const [copyState, setCopyState] = useState<CopyState>('idle')

  const createInvite = async () => {
    setBusy(true)
    setError(null)
    setCopyState('idle')
    const result = await api.createInvite(meetingId, 'editor')
    setBusy(false)
    if (result.ok) setInvite(result.value)
    else setError(result.error.messageKey)
  }

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url)
      setCopyState('copied')
    } catch {
      inputRef.current?.select()
      setCopyState('failed')
    }
  }

  const formatTime = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))

  return (
    <div className="invite">
      <button type="button" onClick={createInvite} disabled={busy}>
        {busy ? t('invite.busy') : t('invite.button')}
      </button>
      <FormError messageKey={error} />
      {invite ? (
        <>
          <label htmlFor={inputId}>{t('invite.url')}</label>
          <div className="invite-row">
            <input
              id={inputId}
              ref={inputRef}
              data-testid="invite-url"
              type="text"
              readOnly
              value={invite.url}
              onFocus={(event) => event.target.select()}
            />
            <button type="button" onClick={() => copy(invite.url)}>
              {t('invite.copy')}
            </button>
          </div>
          <p className="muted">{t('invite.help', { time: formatTime(invite.expiresAt) })}</p>
          <p className="muted" role="status">
            {copyState === 'copied' ? t('invite.copied') : copyState === 'failed' ? t('invite.copyFailed') : ''}
          </p>
        </>
      ) : null}
    </div>
  )
}
