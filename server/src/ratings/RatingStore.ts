/**
 * Hidden ratings (map-model MM-22 … MM-24): while a scale is private until revealed, each
 * person's number and reasons are kept here, in SQLite, and never in the meeting's Y.Doc. The
 * reveal reads them all, writes them into the doc as marks, and deletes them here.
 *
 *   const store = createRatingStore(db)
 *   store.put({ meetingId, scaleId, participantId, participantName, value, whatMakesItThisHigh, onePointHigher, now })
 *   store.listForScale(meetingId, scaleId) // every stored rating, oldest first
 */
import type { Database } from 'better-sqlite3'

export interface HiddenRating {
  meetingId: string
  scaleId: string
  participantId: string
  participantName: string
  value: number
  whatMakesItThisHigh: string
  onePointHigher: string
  /** Epoch milliseconds of the last change. */
  updatedAt: number
}

export interface RatingStore {
  /** Stores or replaces the person's rating on the scale (one per person per scale). */
  put(rating: Omit<HiddenRating, 'updatedAt'> & { now: number }): Promise<void>
  get(meetingId: string, scaleId: string, participantId: string): Promise<HiddenRating | null>
  listForScale(meetingId: string, scaleId: string): Promise<HiddenRating[]>
  /** Removes the scale's ratings; returns how many there were. */
  deleteScale(meetingId: string, scaleId: string): Promise<number>
  deleteMeeting(meetingId: string): Promise<number>
  /** Meetings that have hidden ratings stored. */
  meetingIds(): Promise<string[]>
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS hidden_ratings (
  meeting_id TEXT NOT NULL,
  scale_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  participant_name TEXT NOT NULL,
  value REAL NOT NULL,
  what_makes_it_this_high TEXT NOT NULL,
  one_point_higher TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, scale_id, participant_id)
) WITHOUT ROWID;
`

type Row = {
  meeting_id: string
  scale_id: string
  participant_id: string
  participant_name: string
  value: number
  what_makes_it_this_high: string
  one_point_higher: string
  updated_at: number
}

const fromRow = (row: Row): HiddenRating => ({
  meetingId: row.meeting_id,
  scaleId: row.scale_id,
  participantId: row.participant_id,
  participantName: row.participant_name,
  value: row.value,
  whatMakesItThisHigh: row.what_makes_it_this_high,
  onePointHigher: row.one_point_higher,
  updatedAt: row.updated_at,
})

export function createRatingStore(db: Database): RatingStore {
  db.exec(SCHEMA)
  const upsert = db.prepare(`
    INSERT INTO hidden_ratings (meeting_id, scale_id, participant_id, participant_name, value, what_makes_it_this_high, one_point_higher, updated_at)
    VALUES (@meetingId, @scaleId, @participantId, @participantName, @value, @whatMakesItThisHigh, @onePointHigher, @now)
    ON CONFLICT (meeting_id, scale_id, participant_id) DO UPDATE SET
      participant_name = excluded.participant_name, value = excluded.value,
      what_makes_it_this_high = excluded.what_makes_it_this_high, one_point_higher = excluded.one_point_higher,
      updated_at = excluded.updated_at`)
  const selectOne = db.prepare<[string, string, string], Row>(
    'SELECT * FROM hidden_ratings WHERE meeting_id = ? AND scale_id = ? AND participant_id = ?',
  )
  const selectScale = db.prepare<[string, string], Row>(
    'SELECT * FROM hidden_ratings WHERE meeting_id = ? AND scale_id = ? ORDER BY updated_at, participant_id',
  )
  const removeScale = db.prepare('DELETE FROM hidden_ratings WHERE meeting_id = ? AND scale_id = ?')
  const removeMeeting = db.prepare('DELETE FROM hidden_ratings WHERE meeting_id = ?')
  const selectMeetings = db.prepare<[], { meeting_id: string }>('SELECT DISTINCT meeting_id FROM hidden_ratings')
  return {
    async put(rating) {
      upsert.run(rating)
    },
    async get(meetingId, scaleId, participantId) {
      const row = selectOne.get(meetingId, scaleId, participantId)
      return row ? fromRow(row) : null
    },
    async listForScale(meetingId, scaleId) {
      return selectScale.all(meetingId, scaleId).map(fromRow)
    },
    async deleteScale(meetingId, scaleId) {
      return removeScale.run(meetingId, scaleId).changes
    },
    async deleteMeeting(meetingId) {
      return removeMeeting.run(meetingId).changes
    },
    async meetingIds() {
      return selectMeetings.all().map((r) => r.meeting_id)
    },
  }
}

// The PostgreSQL adapter (storage/postgres/postgresRatingStore.ts) keeps the same rows.
export { fromRow as toHiddenRating, type Row as HiddenRatingRow }
