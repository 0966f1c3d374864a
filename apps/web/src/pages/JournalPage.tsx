/**
 * `/m/:id/journal`: a meeting's safety journal on its own page, where a journal link leads. Phone
 * first, like the join page: the heading names the meeting ("Safety journal for Kai's meeting"),
 * then the journal as the board and the phone list show it, with no map. The server lets a journal
 * link's person reach this and nothing else of the meeting.
 *
 *   <JournalPage meetingId={route.meetingId} />
 */
import { useId } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { SafetyJournalView } from '../journal/SafetyJournal.tsx'
import { useJournal } from '../journal/useJournal.ts'
import { PageLayout } from '../ui/PageLayout.tsx'

/** The journal page of one meeting. */
export function JournalPage({ meetingId }: { meetingId: string }) {
  const { t } = useI18n()
  const headingId = useId()
  const journal = useJournal(meetingId)
  const title = journal.meetingTitle === null ? t('journal.heading') : t('journalPage.title', { title: journal.meetingTitle })
  return (
    <PageLayout title={title}>
      <SafetyJournalView meetingId={meetingId} canWrite={journal.canWrite === true} headingId={headingId} journal={journal} />
    </PageLayout>
  )
}
