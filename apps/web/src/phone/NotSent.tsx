/**
 * "Not sent yet" on what this phone wrote while not connected, with what it means in plain words
 * under it: a tooltip would reach neither a touch screen nor a screen reader. Once it is sent, "Sent"
 * stands in its place for a few seconds: a mark that just vanished would leave her wondering.
 *
 *   <p className="phone-byline"><span>Written by you</span><SendMark pending={pending} /></p>
 */
import { useEffect, useState } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'

/** How long "Sent" stays where "Not sent yet" was. */
export const SENT_SHOWN_MS = 5_000

/** The mark and its explanation, as two items of a wrapping flex line. */
export function NotSent() {
  const { t } = useI18n()
  return (
    <>
      <span className="phone-pending" data-testid="not-sent">
        {t('phone.notSent')}
      </span>
      <span className="phone-pending-help">{t('phone.notSentHelp')}</span>
    </>
  )
}

/**
 * "Not sent yet" while `pending`, then "Sent" for a while. A removed item takes its card and this
 * with it, so only a send says "Sent". Not a live region: the page says it once for all (PhoneMeeting).
 */
export function SendMark({ pending }: { pending: boolean }) {
  const { t } = useI18n()
  const justSent = useJustSent(pending)
  if (pending) return <NotSent />
  return justSent ? (
    <span className="phone-sent" data-testid="sent">
      {t('phone.sent')}
    </span>
  ) : null
}

/** True for `SENT_SHOWN_MS` after `pending` turns false (never for what was not pending when first seen). */
export function useJustSent(pending: boolean): boolean {
  const [wasPending, setWasPending] = useState(pending)
  const [justSent, setJustSent] = useState(false)
  if (pending !== wasPending) {
    // Derived while rendering, so "Sent" takes the place of "Not sent yet" in the same frame.
    setWasPending(pending)
    setJustSent(!pending)
  }
  useEffect(() => {
    if (!justSent) return
    const timer = setTimeout(() => setJustSent(false), SENT_SHOWN_MS)
    return () => clearTimeout(timer)
  }, [justSent])
  return justSent
}
