/**
 * Hidden ratings (map-model MM-22 … MM-24) in PostgreSQL: the same behaviour as the SQLite
 * {@link createRatingStore}, shared by every relay instance.
 *
 * ```ts
 * const ratings = createPostgresRatingStore(pool)
 * await ratings.put({ meetingId, scaleId, participantId, participantName, value, whatMakesItThisHigh, onePointHigher, now })
 * ```
 */
import type { Pool } from 'pg'
import { toHiddenRating, type HiddenRatingRow, type RatingStore } from '../../ratings/RatingStore.ts'

/** @public */
export const POSTGRES_RATING_SCHEMA = `
CREATE TABLE hidden_ratings (
  meeting_id text NOT NULL,
  scale_id text NOT NULL,
  participant_id text NOT NULL,
  participant_name text NOT NULL,
  value double precision NOT NULL,
  what_makes_it_this_high text NOT NULL,
  one_point_higher text NOT NULL,
  updated_at bigint NOT NULL,
  PRIMARY KEY (meeting_id, scale_id, participant_id)
);
`

/** @public */
export function createPostgresRatingStore(pool: Pool): RatingStore {
  return {
    async put(r) {
      await pool.query(
        `INSERT INTO hidden_ratings (meeting_id, scale_id, participant_id, participant_name, value, what_makes_it_this_high, one_point_higher, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (meeting_id, scale_id, participant_id) DO UPDATE SET
           participant_name = excluded.participant_name, value = excluded.value,
           what_makes_it_this_high = excluded.what_makes_it_this_high, one_point_higher = excluded.one_point_higher,
           updated_at = excluded.updated_at`,
        [r.meetingId, r.scaleId, r.participantId, r.participantName, r.value, r.whatMakesItThisHigh, r.onePointHigher, r.now],
      )
    },
    async get(meetingId, scaleId, participantId) {
      const { rows } = await pool.query<HiddenRatingRow>(
        'SELECT * FROM hidden_ratings WHERE meeting_id = $1 AND scale_id = $2 AND participant_id = $3',
        [meetingId, scaleId, participantId],
      )
      return rows[0] ? toHiddenRating(rows[0]) : null
    },
    async listForScale(meetingId, scaleId) {
      const { rows } = await pool.query<HiddenRatingRow>(
        'SELECT * FROM hidden_ratings WHERE meeting_id = $1 AND scale_id = $2 ORDER BY updated_at, participant_id COLLATE "C"',
        [meetingId, scaleId],
      )
      return rows.map(toHiddenRating)
    },
    async deleteScale(meetingId, scaleId) {
      return (await pool.query('DELETE FROM hidden_ratings WHERE meeting_id = $1 AND scale_id = $2', [meetingId, scaleId])).rowCount ?? 0
    },
    async deleteMeeting(meetingId) {
      return (await pool.query('DELETE FROM hidden_ratings WHERE meeting_id = $1', [meetingId])).rowCount ?? 0
    },
    async meetingIds() {
      const { rows } = await pool.query<{ meeting_id: string }>('SELECT DISTINCT meeting_id FROM hidden_ratings')
      return rows.map((r) => r.meeting_id)
    },
  }
}
