/**
 * On the page of someone who joined by a journal link: until when the link works, so the end does
 * not come as a surprise; in its last week, what to do to keep writing after it.
 *
 *   {journal.linkEndsAt ? <JournalLinkNotice endsAt={journal.linkEndsAt} /> : null}
 */
import { formatDateTime } from '../access/formatDateTime.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { linkEndsSoon } from './journalDates.ts'

export function JournalLinkNotice({ endsAt }: { readonly endsAt: string }) {
  const { t, locale } = useI18n()
  const time = formatDateTime(endsAt, locale)
  const soon = linkEndsSoon(endsAt, Date.now())
  return (
    <p className={soon ? 'journal-link-notice journal-link-ends-soon' : 'journal-link-notice'} data-testid="journal-link-notice">
      {soon ? t('journal.linkEndsSoon', { time }) : t('journal.linkUntil', { time })}
    </p>
  )
}
