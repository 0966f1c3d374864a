import { describe, expect, it } from 'vitest'
import BetterSqlite3 from 'better-sqlite3'
import { createSessionStore } from './SessionStore.ts'

describe('createSessionStore', () => {
  it('revoking a participant ends every session of theirs and remembers why until it would have expired', async () => {
    const db = new BetterSqlite3(':memory:')
    const sessions = createSessionStore(db)
    const phone = await sessions.create({ kind: 'participant', participantId: 'p1' }, 1000, 0)
    const laptop = await sessions.create({ kind: 'participant', participantId: 'p1' }, 2000, 0)
    const other = await sessions.create({ kind: 'participant', participantId: 'p2' }, 1000, 0)

    expect(await sessions.revokeParticipants(['p1'], 'removed')).toBe(2)
    expect(await sessions.resolve(phone, 10)).toEqual({ kind: 'revoked', reason: 'removed' })
    expect(await sessions.resolve(laptop, 1500)).toEqual({ kind: 'revoked', reason: 'removed' })
    expect(await sessions.resolve(phone, 1000)).toBeNull()
    expect(await sessions.resolve(other, 10)).toEqual({ kind: 'participant', participantId: 'p2' })
    expect(db.prepare('SELECT count(*) AS n FROM sessions WHERE participant_id = ?').get('p1')).toEqual({ n: 0 })

    await sessions.forgetParticipants(['p1', 'p2'])
    expect(await sessions.resolve(laptop, 10)).toBeNull()
    expect(await sessions.resolve(other, 10)).toBeNull()
    db.close()
  })
})
