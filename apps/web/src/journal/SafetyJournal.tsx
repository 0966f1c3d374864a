/**
 * The safety journal of a meeting's map (safety-mapping guide §5), as the phone's list and the
 * board's journal panel show it: a heading, what it is for, "Add to the journal" for everyone
 * but viewers, and the entries, newest first. It lives on the server, not in the map, so it is
 * read and written whether the map is live or finished.
 *
 *   <SafetyJournal meetingId={meeting.id} canWrite={user.role !== 'viewer'} headingId={JOURNAL_ANCHOR_ID} />
 *   <SafetyJournalView journal={journal} meetingId={id} canWrite headingId={id} />   // a page that also uses `journal`
 */
import { useI18n } from '../i18n/I18nProvider.tsx'
import { FormError } from '../ui/FormError.tsx'
import { JournalEntryList } from './JournalEntryList.tsx'
import { JournalForm } from './JournalForm.tsx'
import { JournalLinkNotice } from './JournalLinkNotice.tsx'
import { useJournal, type Journal } from './useJournal.ts'
import './journal.css'

export interface SafetyJournalProps {
  readonly meetingId: string
  /** `null` while not known yet (the journal page learns it with the entries): nothing is said about writing then. */
  readonly canWrite: boolean | null
  readonly headingId: string
}

export function SafetyJournal(props: SafetyJournalProps) {
  return <SafetyJournalView {...props} journal={useJournal(props.meetingId)} />
}

/** The journal as {@link SafetyJournal} shows it, for a page that fetches it itself (the journal link's page needs its title). */
export function SafetyJournalView({ meetingId, canWrite, headingId, journal }: SafetyJournalProps & { readonly journal: Journal }) {
  const { t } = useI18n()
  return (
    <section className="journal" aria-labelledby={headingId} data-testid="safety-journal">
      <h2 id={headingId} className="journal-heading">
        {t('journal.heading')}
      </h2>
      {canWrite === null ? null : <p className="journal-hint">{canWrite ? t('journal.intro') : t('journal.readOnly')}</p>}
      {journal.linkEndsAt ? <JournalLinkNotice endsAt={journal.linkEndsAt} /> : null}
      {canWrite ? <JournalForm meetingId={meetingId} onAdd={journal.add} /> : null}
      {journal.loadError ? (
        <div className="journal-load-error">
          <FormError messageKey={journal.loadError} />
          <button type="button" onClick={journal.reload}>
            {t('app.retry')}
          </button>
        </div>
      ) : null}
      {journal.entries === null ? (journal.loadError ? null : <p className="journal-hint">{t('journal.loading')}</p>) : <JournalEntryList entries={journal.entries} />}
    </section>
  )
}
