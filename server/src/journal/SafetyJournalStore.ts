/**
 * The safety journal (safety-mapping guide §5): a log, kept between meetings, of how visits and
 * the safety plan went, belonging to one meeting's map for as long as the meeting exists. Entries
 * are only ever added: there is no update, and rows go only when the whole meeting is purged. Kept
 * in the database, not in the map's Y.Doc, so it is written and read while the map is finalized.
 *
 *   const journal = createJournalStore(db)
 *   await journal.add({ id, meetingId, author, visitDay: '2026-11-12', text, planFollowed: 'partly', now })
 *   await journal.list(meetingId)   // newest first
 */
import type { Database } from 'better-sqlite3'

/** Answers to "Was the safety plan followed?"; closed, so the exports can word each one. */
export const PLAN_FOLLOWED = ['yes', 'partly', 'no', 'not-sure'] as const
export type PlanFollowed = (typeof PLAN_FOLLOWED)[number]

/** Who wrote an entry: a meeting participant or a worker, with the name they had when writing it. */
export interface JournalAuthor {
  readonly kind: 'worker' | 'participant'
  readonly id: string
  readonly name: string
}

export interface JournalEntry {
  readonly id: string
  readonly meetingId: string
  readonly author: JournalAuthor
  /** The day the entry is about, `YYYY-MM-DD`. */
  readonly visitDay: string
  readonly text: string
  readonly planFollowed: PlanFollowed | null
  /** Epoch milliseconds, server time. */
  readonly writtenAt: number
}

export interface SafetyJournalStore {
  add(entry: Omit<JournalEntry, 'writtenAt'> & { now: number }): Promise<JournalEntry>
  /** Every entry of the meeting, newest written first. */
  list(meetingId: string): Promise<JournalEntry[]>
  count(meetingId: string): Promise<number>
  /** Removes every entry of the meeting (a purge); returns how many there were. */
  deleteMeeting(meetingId: string): Promise<number>
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS journal_entries (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  meeting_id TEXT NOT NULL,
  author_kind TEXT NOT NULL,
  author_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  visit_day TEXT NOT NULL,
  text TEXT NOT NULL,
  plan_followed TEXT,
  written_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS journal_entries_meeting ON journal_entries (meeting_id, written_at);
`

type Row = {
  id: string
  meeting_id: string
  author_kind: string
  author_id: string
  author_name: string
  visit_day: string
  text: string
  plan_followed: string | null
  written_at: number | string
}

const isPlanFollowed = (value: string | null): value is PlanFollowed => (PLAN_FOLLOWED as readonly (string | null)[]).includes(value)

const fromRow = (row: Row): JournalEntry => ({
  id: row.id,
  meetingId: row.meeting_id,
  author: { kind: row.author_kind === 'worker' ? 'worker' : 'participant', id: row.author_id, name: row.author_name },
  visitDay: row.visit_day,
  text: row.text,
  planFollowed: isPlanFollowed(row.plan_followed) ? row.plan_followed : null,
  // PostgreSQL hands bigint back as a string.
  writtenAt: Number(row.written_at),
})

/** The row values of an entry, in the column order both backends insert. */
export function journalRowValues(entry: Omit<JournalEntry, 'writtenAt'> & { now: number }): unknown[] {
  const { id, meetingId, author, visitDay, text, planFollowed, now } = entry
  return [id, meetingId, author.kind, author.id, author.name, visitDay, text, planFollowed, now]
}

const toEntry = (entry: Omit<JournalEntry, 'writtenAt'> & { now: number }): JournalEntry => {
  const { now, ...rest } = entry
  return { ...rest, writtenAt: now }
}

export function createJournalStore(db: Database): SafetyJournalStore {
  db.exec(SCHEMA)
  const insert = db.prepare(`
    INSERT INTO journal_entries (id, meeting_id, author_kind, author_id, author_name, visit_day, text, plan_followed, written_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const selectMeeting = db.prepare<[string], Row>('SELECT * FROM journal_entries WHERE meeting_id = ? ORDER BY written_at DESC, seq DESC')
  const countMeeting = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM journal_entries WHERE meeting_id = ?')
  const removeMeeting = db.prepare('DELETE FROM journal_entries WHERE meeting_id = ?')
  return {
    async add(entry) {
      insert.run(...journalRowValues(entry))
      return toEntry(entry)
    },
    async list(meetingId) {
      return selectMeeting.all(meetingId).map(fromRow)
    },
    async count(meetingId) {
      return countMeeting.get(meetingId)?.n ?? 0
    },
    async deleteMeeting(meetingId) {
      return removeMeeting.run(meetingId).changes
    },
  }
}

// The PostgreSQL adapter (storage/postgres/postgresJournalStore.ts) keeps the same rows.
export { fromRow as toJournalEntry, toEntry as addedJournalEntry, type Row as JournalRow }
