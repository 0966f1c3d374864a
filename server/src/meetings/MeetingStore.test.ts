import { describe, expect, it } from 'vitest'
import BetterSqlite3 from 'better-sqlite3'
import { createMeetingStore } from './MeetingStore.ts'

/** The tables as the first release created them, before invites had kinds and joiners consented. */
const FIRST_RELEASE_SCHEMA = `
CREATE TABLE meetings (id TEXT PRIMARY KEY, title TEXT NOT NULL, locale TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'live', owner_worker_id TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE invites (id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE, token_hash TEXT NOT NULL UNIQUE, role TEXT NOT NULL, created_by TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, revoked_at INTEGER);
CREATE TABLE participants (id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE, invite_id TEXT REFERENCES invites(id), name TEXT NOT NULL, role TEXT NOT NULL, joined_at INTEGER NOT NULL, removed_at INTEGER);
INSERT INTO meetings VALUES ('m1', 'Old meeting', 'en', 'live', 'w1', 1);
INSERT INTO invites VALUES ('i1', 'm1', 'hash', 'editor', 'w1', 1, 9999999999999, NULL);
INSERT INTO participants VALUES ('p1', 'm1', 'i1', 'Old joiner', 'editor', 2, NULL);
`

const joinInput = (token: string) => ({ token, name: 'Lorna', relationship: 'grandparent', attendance: 'in-room' as const, consentVersion: 'v1', now: 10 })

describe('createMeetingStore', () => {
  it('upgrades a first-release database in place, and opening it again changes nothing', async () => {
    const db = new BetterSqlite3(':memory:')
    db.exec(FIRST_RELEASE_SCHEMA)
    createMeetingStore(db)
    const meetings = createMeetingStore(db)
    expect(await meetings.get('m1')).toMatchObject({ title: 'Old meeting', version: 1, finalizedAt: null, facilitatorIds: ['w1'] })
    expect(await meetings.getParticipant('p1')).toMatchObject({ status: 'admitted', relationship: null, consentVersion: null })
    expect(await meetings.listInvites('m1')).toEqual([expect.objectContaining({ kind: 'personal', lobby: false, uses: 0, label: null })])
    db.close()
  })

  it('upgrades versions kept without their details: they read back with none, new ones keep theirs', async () => {
    const db = new BetterSqlite3(':memory:')
    db.exec(FIRST_RELEASE_SCHEMA)
    db.exec(`CREATE TABLE meeting_versions (meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE, version INTEGER NOT NULL,
      state BLOB NOT NULL, finalized_at INTEGER NOT NULL, finalized_by TEXT NOT NULL, PRIMARY KEY (meeting_id, version));
      INSERT INTO meeting_versions VALUES ('m1', 1, x'01', 5, 'w1');`)
    const meetings = createMeetingStore(db)
    expect(await meetings.listVersions('m1')).toEqual([{ version: 1, state: Uint8Array.of(1), finalizedAt: 5, finalizedBy: 'w1', details: null }])
    const meeting = (await meetings.get('m1'))!
    await meetings.saveVersion({ meetingId: 'm1', version: 2, state: Uint8Array.of(2), finalizedBy: 'w1', now: 6, details: meeting })
    expect((await meetings.listVersions('m1'))[1]?.details).toEqual({ title: 'Old meeting', details: meeting.details, openedAt: null, endedAt: null })
    db.close()
  })

  it('lets a personal invite be used once and a shared one many times, counting uses', async () => {
    const db = new BetterSqlite3(':memory:')
    const meetings = createMeetingStore(db)
    const meeting = await meetings.create({ title: 't', locale: 'en', ownerWorkerId: 'w', now: 1 })
    const base = { meetingId: meeting.id, role: 'editor' as const, label: null, createdBy: 'w', expiresAt: 100, now: 1 }
    const personal = await meetings.createInvite({ ...base, kind: 'personal', lobby: false })
    const shared = await meetings.createInvite({ ...base, kind: 'shared', lobby: true })

    expect(await meetings.join(joinInput(personal.token))).toMatchObject({ ok: true, participant: { status: 'admitted' } })
    expect(await meetings.join(joinInput(personal.token))).toEqual({ ok: false, reason: 'used', meetingId: meeting.id, inviteId: personal.invite.id, kind: 'personal' })
    expect(await meetings.join(joinInput(shared.token))).toMatchObject({ ok: true, participant: { status: 'waiting', consentVersion: 'v1', consentedAt: 10 } })
    expect(await meetings.join(joinInput(shared.token))).toMatchObject({ ok: true })
    expect((await meetings.listInvites(meeting.id)).map((i) => i.uses)).toEqual([1, 2])
    expect(await meetings.join({ ...joinInput(shared.token), now: 100 })).toEqual({ ok: false, reason: 'expired', meetingId: meeting.id, inviteId: shared.invite.id, kind: 'shared' })
    expect(await meetings.revokeInvite(meeting.id, shared.invite.id, 20)).toBe('revoked')
    expect(await meetings.revokeInvite(meeting.id, shared.invite.id, 21)).toBe('already')
    expect(await meetings.join(joinInput(shared.token))).toEqual({ ok: false, reason: 'revoked', meetingId: meeting.id, inviteId: shared.invite.id, kind: 'shared' })
    expect(await meetings.join(joinInput('smi_unknown'))).toEqual({ ok: false, reason: 'unknown', meetingId: null, inviteId: null, kind: null })
    db.close()
  })
})
