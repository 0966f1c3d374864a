/**
 * The safety journal's entries, newest first: each one's words as written, then who wrote it,
 * the visit it is about and when it was written ("Lorna · visit on Nov 12, 2026 · written Nov 13,
 * 6:04 PM"), and whether the safety plan was followed when they said.
 *
 *   <JournalEntryList entries={journal.entries} />
 */
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { JournalEntry } from './journalApi.ts'
import { formatVisitDay, formatWrittenAt } from './journalDates.ts'

export function JournalEntryList({ entries }: { readonly entries: readonly JournalEntry[] }) {
  const { t, locale } = useI18n()
  if (entries.length === 0) return <p className="journal-empty">{t('journal.empty')}</p>
  return (
    <ol className="journal-entries" data-testid="journal-entries">
      {entries.map((entry) => (
        <li key={entry.id} className="journal-entry" data-testid="journal-entry">
          <p className="journal-entry-text">{entry.text}</p>
          <p className="journal-entry-byline">
            {t('journal.byline', {
              name: entry.author.name,
              day: formatVisitDay(entry.visitDay, locale),
              written: formatWrittenAt(entry.writtenAt, locale),
            })}
          </p>
          {entry.planFollowed ? <p className="journal-entry-plan">{t('journal.planAnswer', { answer: t(`journal.plan.${entry.planFollowed}`) })}</p> : null}
        </li>
      ))}
    </ol>
  )
}
