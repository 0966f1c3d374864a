/**
 * The safety journal in PostgreSQL: the same behaviour as the SQLite {@link createJournalStore},
 * shared by every relay instance.
 *
 * ```ts
 * const journal = createPostgresJournalStore(pool)
 * await journal.add({ id, meetingId, author, visitDay, text, planFollowed, now })
 * ```
 */
import type { Pool } from 'pg'
import { addedJournalEntry, journalRowValues, toJournalEntry, type JournalRow, type SafetyJournalStore } from '../../journal/SafetyJournalStore.ts'

/** @public */
export const POSTGRES_JOURNAL_SCHEMA = `
CREATE TABLE journal_entries (
  seq bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  meeting_id text NOT NULL,
  author_kind text NOT NULL,
  author_id text NOT NULL,
  author_name text NOT NULL,
  visit_day text NOT NULL,
  text text NOT NULL,
  plan_followed text,
  written_at bigint NOT NULL
);
CREATE INDEX journal_entries_meeting ON journal_entries (meeting_id, written_at);
`

/** @public */
export function createPostgresJournalStore(pool: Pool): SafetyJournalStore {
  return {
    async add(entry) {
      await pool.query(
        `INSERT INTO journal_entries (id, meeting_id, author_kind, author_id, author_name, visit_day, text, plan_followed, written_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        journalRowValues(entry),
      )
      return addedJournalEntry(entry)
    },
    async list(meetingId) {
      const { rows } = await pool.query<JournalRow>('SELECT * FROM journal_entries WHERE meeting_id = $1 ORDER BY written_at DESC, seq DESC', [meetingId])
      return rows.map(toJournalEntry)
    },
    async count(meetingId) {
      const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM journal_entries WHERE meeting_id = $1', [meetingId])
      return Number(rows[0]?.n ?? 0)
    },
    async deleteMeeting(meetingId) {
      return (await pool.query('DELETE FROM journal_entries WHERE meeting_id = $1', [meetingId])).rowCount ?? 0
    },
  }
}
