import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createAuditLog } from './AuditLog.ts'

describe('audit log', () => {
  it('records actions per meeting in order, with ids and no content', async () => {
    const audit = createAuditLog(new Database(':memory:'))
    await audit.record({ action: 'meeting.created', actor: { kind: 'worker', id: 'w1' }, meetingId: 'm1', now: 1000 })
    await audit.record({ action: 'invite.created', actor: { kind: 'worker', id: 'w1' }, meetingId: 'm1', details: { role: 'editor' }, now: 2000 })
    await audit.record({ action: 'meeting.created', actor: { kind: 'worker', id: 'w2' }, meetingId: 'm2', now: 3000 })
    const trail = await audit.forMeeting('m1')
    expect(trail.map((e) => e.action)).toEqual(['meeting.created', 'invite.created'])
    expect(trail[1]).toMatchObject({ actor: { kind: 'worker', id: 'w1' }, details: { role: 'editor' }, at: new Date(2000).toISOString() })
  })

  it('detects an edited entry through the hash chain', async () => {
    const db = new Database(':memory:')
    const audit = createAuditLog(db)
    for (let i = 0; i < 3; i += 1) await audit.record({ action: 'participant.joined', actor: { kind: 'participant', id: `p${i}` }, meetingId: 'm', now: i })
    expect(await audit.verify()).toEqual({ ok: true })
    db.prepare("UPDATE audit_log SET actor_id = 'someone-else' WHERE seq = 2").run()
    expect(await audit.verify()).toEqual({ ok: false, brokenAtSeq: 2 })
  })
})
