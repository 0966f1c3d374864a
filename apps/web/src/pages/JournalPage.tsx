/**
 * `/m/:id/journal`: a meeting's safety journal on its own page, where a journal link leads. Phone
 * first, like the join page: the heading names the meeting ("Safety journal for Kai's meeting"),
 * then the journal as the board and the phone list show it, with no map. The server lets a journal
 * link's person reach this and nothing else of the meeting. When the link no longer lets them in,
 * the page says so in the words of a journal link, not of a signed-in worker or a meeting.
 *
 *   <JournalPage meetingId={route.meetingId} />
 */
import { useId } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { SafetyJournalView } from '../journal/SafetyJournal.tsx'
import { useJournal } from '../journal/useJournal.ts'
import { PageLayout } from '../ui/PageLayout.tsx'

/** Refusals as a journal link's person reads them: its time ran out (no session left), or it was stopped. */
const LINK_REFUSALS: Partial<Record<MessageKey, MessageKey>> = {
  'error.authRequired': 'journal.linkEnded',
  'meeting.removedHeading': 'journal.linkStopped',
}

/** The journal page of one meeting. */
export function JournalPage({ meetingId }: { meetingId: string }) {
  const { t } = useI18n()
  const headingId = useId()
  const fetched = useJournal(meetingId)
  const journal = fetched.loadError ? { ...fetched, loadError: LINK_REFUSALS[fetched.loadError] ?? fetched.loadError } : fetched
  const title = journal.meetingTitle === null ? t('journal.heading') : t('journalPage.title', { title: journal.meetingTitle })
  return (
    <PageLayout title={title}>
      <SafetyJournalView meetingId={meetingId} canWrite={journal.canWrite} headingId={headingId} journal={journal} />
    </PageLayout>
  )
}
