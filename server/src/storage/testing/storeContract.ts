/**
 * The behaviour every backend of the server's own stores must show (workers, sessions, meetings,
 * audit, hidden ratings, the safety journal), written once and run by `sqliteStores.test.ts` and
 * `postgres/postgresStores.test.ts`. "Another instance" is a second set of stores on their own
 * connection to the same database: racing requests on two relay instances must still use a
 * personal invite once, add an email once, redeem a setup code once, and keep one audit chain.
 *
 * ```ts
 * describe('SQLite stores', () => storeContract(openSqliteStoresHarness))
 * ```
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Stores } from '../../openStores.ts'

export type ServerStores = Pick<Stores, 'workers' | 'sessions' | 'meetings' | 'audit' | 'ratings' | 'journal'>

/** Stores over a fresh database plus what the contract needs to look underneath them. */
export interface StoresHarness {
  readonly stores: ServerStores
  /** The same stores on their own connection to the same database, as a second instance has. */
  openAnother(): Promise<{ readonly stores: ServerStores; close(): Promise<void> }>
  /** Runs one literal SQL statement (no parameters: the text is the same on both backends). */
  sql(statement: string): Promise<Record<string, unknown>[]>
  close(): Promise<void>
}

const joinInput = (token: string) => ({ token, name: 'Lorna', relationship: 'grandparent', attendance: 'in-room' as const, consentVersion: 'v1', now: 10 })

/** Registers the contract's tests in the current `describe` block. */
export function storeContract(open: () => Promise<StoresHarness>): void {
  let harness: StoresHarness
  let stores: ServerStores
  let another: { readonly stores: ServerStores; close(): Promise<void> }

  beforeEach(async () => {
    harness = await open()
    stores = harness.stores
    another = await harness.openAnother()
  })
  afterEach(async () => {
    await another.close()
    await harness.close()
  })

  describe('meetings', () => {
    it('lets a personal invite be used once and a shared one many times, counting uses', async () => {
      const { meetings } = stores
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
    })

    it('lets a journal link in one person, journal only and without attendance, and keeps it when the meeting ends', async () => {
      const { meetings } = stores
      const meeting = await meetings.create({ title: 't', locale: 'en', ownerWorkerId: 'w', now: 1 })
      const base = { meetingId: meeting.id, role: 'editor' as const, label: 'Gran', lobby: false, createdBy: 'w', expiresAt: 1000, now: 1 }
      const journal = await meetings.createInvite({ ...base, kind: 'journal' })
      const personal = await meetings.createInvite({ ...base, kind: 'personal' })
      await meetings.markEnded(meeting.id, 5)

      expect(await meetings.join(joinInput(personal.token))).toMatchObject({ ok: false, reason: 'revoked' })
      const joined = await meetings.join({ ...joinInput(journal.token), attendance: null })
      expect(joined).toMatchObject({ ok: true, participant: { status: 'admitted', attendance: null, journalOnly: true, inviteId: journal.invite.id } })
      expect(await meetings.join(joinInput(journal.token))).toEqual({ ok: false, reason: 'used', meetingId: meeting.id, inviteId: journal.invite.id, kind: 'journal' })
      const participantId = joined.ok ? joined.participant.id : ''
      expect(await another.stores.meetings.getParticipant(participantId)).toMatchObject({ journalOnly: true, inviteId: journal.invite.id })
      expect((await meetings.listParticipants(meeting.id)).map((p) => p.journalOnly)).toEqual([true])
    })

    it('lets one of many racing joins on two instances use a personal invite', async () => {
      const meeting = await stores.meetings.create({ title: 't', locale: 'en', ownerWorkerId: 'w', now: 1 })
      const { token, invite } = await stores.meetings.createInvite({
        meetingId: meeting.id, role: 'editor', kind: 'personal', label: 'Gran', lobby: false, createdBy: 'w', expiresAt: 100, now: 1,
      })
      const joins = await Promise.all(
        Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? stores : another.stores).meetings.join(joinInput(token))),
      )
      expect(joins.filter((j) => j.ok)).toHaveLength(1)
      expect(joins.filter((j) => !j.ok)).toEqual(Array(7).fill({ ok: false, reason: 'used', meetingId: meeting.id, inviteId: invite.id, kind: 'personal' }))
      expect(await stores.meetings.listParticipants(meeting.id)).toHaveLength(1)
    })

    it('lists co-facilitated meetings newest first with the owner first, and keeps finalized versions', async () => {
      const { meetings } = stores
      const older = await meetings.create({ title: 'Older', locale: 'en', ownerWorkerId: 'w1', now: 1 })
      const newer = await meetings.create({ title: ' Newer ', locale: 'es', ownerWorkerId: 'w2', now: 2 })
      expect(await meetings.addFacilitator({ meetingId: newer.id, workerId: 'w1', addedBy: 'w2', now: 3 })).toBe(true)
      expect(await another.stores.meetings.addFacilitator({ meetingId: newer.id, workerId: 'w1', addedBy: 'w2', now: 4 })).toBe(false)
      const listed = await meetings.listForWorker('w1')
      expect(listed.map((m) => [m.title, m.facilitatorIds])).toEqual([['Newer', ['w2', 'w1']], ['Older', ['w1']]])

      await meetings.setFinalized(older.id, 10)
      const details = {
        caseReference: 'CWS-1', children: ['Kai', 'Lú'], meetingType: 'consultation' as const, meetingFormat: 'hybrid' as const,
        purpose: 'Plan für Kai', agreements: 'One voice at a time', desiredOutcome: 'A plan for weekends', startTime: 5, endTime: null,
      }
      await meetings.saveVersion({ meetingId: older.id, version: 1, state: Uint8Array.of(1, 2, 3), finalizedBy: 'w1', now: 10, details: { title: 'Older', details, openedAt: 4, endedAt: 9 } })
      await meetings.reopen(older.id)
      expect(await another.stores.meetings.get(older.id)).toMatchObject({ status: 'live', version: 2, finalizedAt: null })
      // The version keeps the details it was finalized with, whatever the meeting says later.
      await meetings.updateDetails(older.id, { caseReference: 'CWS-2', purpose: null })
      expect(await meetings.listVersions(older.id)).toEqual([
        { version: 1, state: Uint8Array.of(1, 2, 3), finalizedAt: 10, finalizedBy: 'w1', details: { title: 'Older', details, openedAt: 4, endedAt: 9 } },
      ])
      // A version kept before details were stored with it has none; the export falls back to the meeting's.
      await harness.sql(`UPDATE meeting_versions SET details = NULL WHERE meeting_id = '${older.id}'`)
      expect((await meetings.listVersions(older.id))[0]?.details).toBeNull()
      await meetings.setFinalized(older.id, 20)
      expect(await meetings.finalizedBefore(20)).toEqual([older.id])
      expect(await meetings.finalizedBefore(19)).toEqual([])
      await meetings.markEnded(newer.id, 30)
      expect(await meetings.endedBefore(30)).toEqual([newer.id])
      expect(await meetings.endedBefore(29)).toEqual([])
      expect(await meetings.removeFacilitator(newer.id, 'w1')).toBe(true)
      expect(await another.stores.meetings.removeFacilitator(newer.id, 'w1')).toBe(false)
      expect((await meetings.get(newer.id))?.facilitatorIds).toEqual(['w2'])
    })

    it('keeps every meeting detail and each recorded release-of-information consent, seen from another instance', async () => {
      const { meetings } = stores
      const meeting = await meetings.create({ title: 't', locale: 'en', ownerWorkerId: 'w', now: 1, details: { children: ['Mía'], meetingFormat: 'remote' } })
      expect(meeting.details).toMatchObject({ children: ['Mía'], meetingFormat: 'remote', agreements: null, desiredOutcome: null })
      await meetings.updateDetails(meeting.id, { children: ['Mía', 'Leo'], meetingFormat: 'in-person', agreements: 'What is said here stays here', desiredOutcome: 'A plan' })
      expect((await another.stores.meetings.get(meeting.id))?.details).toMatchObject({
        children: ['Mía', 'Leo'], meetingFormat: 'in-person', agreements: 'What is said here stays here', desiredOutcome: 'A plan',
      })
      const invite = await meetings.createInvite({ meetingId: meeting.id, role: 'editor', kind: 'shared', label: null, lobby: false, createdBy: 'w', expiresAt: 100, now: 1 })
      const joined = await meetings.join(joinInput(invite.token))
      if (!joined.ok) throw new Error('join failed')
      expect(joined.participant.releaseConsentAt).toBeNull()
      expect(await meetings.setReleaseConsent(meeting.id, joined.participant.id, 42)).toBe(true)
      expect((await another.stores.meetings.getParticipant(joined.participant.id))?.releaseConsentAt).toBe(42)
      expect(await meetings.setReleaseConsent(meeting.id, joined.participant.id, null)).toBe(true)
      expect((await another.stores.meetings.listParticipants(meeting.id))[0]?.releaseConsentAt).toBeNull()
      expect(await meetings.setReleaseConsent('other', joined.participant.id, 1)).toBe(false)
    })

    it('purge leaves no row of the meeting, its invites, participants or versions', async () => {
      const { meetings } = stores
      const meeting = await meetings.create({ title: 'Purged title', locale: 'en', ownerWorkerId: 'w', now: 1 })
      const kept = await meetings.create({ title: 'Kept', locale: 'en', ownerWorkerId: 'w', now: 1 })
      const { token } = await meetings.createInvite({
        meetingId: meeting.id, role: 'viewer', kind: 'shared', label: null, lobby: false, createdBy: 'w', expiresAt: 100, now: 1,
      })
      await meetings.join(joinInput(token))
      await meetings.addFacilitator({ meetingId: meeting.id, workerId: 'w2', addedBy: 'w', now: 2 })
      await meetings.saveVersion({ meetingId: meeting.id, version: 1, state: Uint8Array.of(7), finalizedBy: 'w', now: 3, details: meeting })
      await meetings.purge(meeting.id)
      await meetings.checkpoint()
      expect(await meetings.get(meeting.id)).toBeNull()
      expect(await meetings.get(kept.id)).not.toBeNull()
      for (const table of ['invites', 'participants', 'meeting_facilitators', 'meeting_versions']) {
        expect(await harness.sql(`SELECT * FROM ${table} WHERE meeting_id = '${meeting.id}'`), table).toEqual([])
      }
    })
  })

  describe('sessions', () => {
    it('revoking a participant ends every session of theirs and remembers why until it would have expired', async () => {
      const { sessions } = stores
      const phone = await sessions.create({ kind: 'participant', participantId: 'p1' }, 1000, 0)
      const laptop = await sessions.create({ kind: 'participant', participantId: 'p1' }, 2000, 0)
      const other = await sessions.create({ kind: 'participant', participantId: 'p2' }, 1000, 0)

      expect(await sessions.revokeParticipants(['p1'], 'removed')).toBe(2)
      expect(await another.stores.sessions.resolve(phone, 10)).toEqual({ kind: 'revoked', reason: 'removed' })
      expect(await sessions.resolve(laptop, 1500)).toEqual({ kind: 'revoked', reason: 'removed' })
      expect(await sessions.resolve(phone, 1000)).toBeNull()
      expect(await sessions.resolve(other, 10)).toEqual({ kind: 'participant', participantId: 'p2' })
      expect(await harness.sql("SELECT count(*) AS n FROM sessions WHERE participant_id = 'p1'")).toEqual([{ n: 0 }])

      await sessions.forgetParticipants(['p1', 'p2'])
      expect(await sessions.resolve(laptop, 10)).toBeNull()
      expect(await sessions.resolve(other, 10)).toBeNull()
    })

    it('a worker session started on one instance is valid on another until it ends', async () => {
      const token = await stores.sessions.create({ kind: 'worker', workerId: 'w1' }, 1000, 0)
      expect(await another.stores.sessions.resolve(token, 10)).toEqual({ kind: 'worker', workerId: 'w1' })
      expect(await another.stores.sessions.resolve(token, 1000)).toBeNull()
      await another.stores.sessions.end(token)
      expect(await stores.sessions.resolve(token, 10)).toBeNull()
    })
  })

  describe('audit log', () => {
    it('records actions per meeting in order, with ids and no content', async () => {
      const { audit } = stores
      await audit.record({ action: 'meeting.created', actor: { kind: 'worker', id: 'w1' }, meetingId: 'm1', now: 1000 })
      await audit.record({ action: 'invite.created', actor: { kind: 'worker', id: 'w1' }, meetingId: 'm1', details: { role: 'editor' }, now: 2000 })
      await audit.record({ action: 'meeting.created', actor: { kind: 'worker', id: 'w2' }, meetingId: 'm2', now: 3000 })
      const trail = await audit.forMeeting('m1')
      expect(trail.map((e) => e.action)).toEqual(['meeting.created', 'invite.created'])
      expect(trail[1]).toMatchObject({ actor: { kind: 'worker', id: 'w1' }, details: { role: 'editor' }, at: new Date(2000).toISOString() })
    })

    it('detects an edited entry through the hash chain', async () => {
      const { audit } = stores
      for (let i = 0; i < 3; i += 1) await audit.record({ action: 'participant.joined', actor: { kind: 'participant', id: `p${i}` }, meetingId: 'm', now: i })
      expect(await audit.verify()).toEqual({ ok: true })
      await harness.sql("UPDATE audit_log SET actor_id = 'someone-else' WHERE seq = 2")
      expect(await audit.verify()).toEqual({ ok: false, brokenAtSeq: 2 })
    })

    it('stays one intact chain when two instances record at the same time', async () => {
      const record = (audit: ServerStores['audit'], who: string, i: number) =>
        audit.record({ action: 'participant.joined', actor: { kind: 'participant', id: `${who}${i}` }, meetingId: 'm', now: i })
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => [record(stores.audit, 'a', i), record(another.stores.audit, 'b', i)]).flat(),
      )
      const entries = await another.stores.audit.all()
      expect(entries).toHaveLength(40)
      expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((x, y) => x - y))
      expect(await stores.audit.verify()).toEqual({ ok: true })
    })
  })

  describe('workers', () => {
    it('adds a worker once per email whatever its case, even when two instances race', async () => {
      const adds = await Promise.all([
        stores.workers.addWorker({ email: 'ana@county.gov', name: 'Ana', now: 1 }),
        another.stores.workers.addWorker({ email: 'ANA@county.gov', name: 'Ana R', now: 1 }),
      ])
      expect(adds.filter((a) => a !== null)).toHaveLength(1)
      const added = adds.find((a) => a !== null)!
      expect(await stores.workers.isEmpty()).toBe(false)
      expect(await another.stores.workers.workerForApiKey(added.apiKey)).toEqual(added.worker)
      expect(await stores.workers.findForSignIn(' Ana@County.gov ')).toMatchObject({ id: added.worker.id, passwordHash: null })
      expect(await stores.workers.addWorker({ email: 'ana@COUNTY.gov', name: 'Again', now: 2 })).toBeNull()
    })

    it('creates, lists and revokes API keys', async () => {
      const { workers } = stores
      const { worker, apiKey } = (await workers.addWorker({ email: 'ben@county.gov', name: 'Ben', now: 1 }))!
      const second = await workers.createApiKey({ workerId: worker.id, label: 'laptop', now: 2 })
      expect((await workers.listApiKeys(worker.id)).map((k) => k.label)).toEqual([null, 'laptop'])
      expect(await workers.revokeApiKey({ workerId: worker.id, keyId: second.info.id, now: 3 })).toBe(true)
      expect(await workers.revokeApiKey({ workerId: worker.id, keyId: second.info.id, now: 4 })).toBe(false)
      expect(await another.stores.workers.workerForApiKey(second.apiKey)).toBeNull()
      expect(await another.stores.workers.workerForApiKey(apiKey)).toEqual(worker)
    })

    it('redeems a first-worker setup code once, even when two instances race', async () => {
      expect(await stores.workers.isEmpty()).toBe(true)
      const code = await stores.workers.issueSetupCode(null, 0)
      expect(await another.stores.workers.inspectSetupCode(code, 1)).toEqual({ workerId: null, email: null, name: null })
      const redeem = (workers: ServerStores['workers'], email: string) =>
        workers.redeemSetupCode({ code, passwordHash: 'scrypt$x', email, name: 'First', now: 1 })
      const redeemed = await Promise.all([redeem(stores.workers, 'first@county.gov'), redeem(another.stores.workers, 'other@county.gov')])
      expect(redeemed.filter((w) => w !== null)).toHaveLength(1)
      expect(await stores.workers.inspectSetupCode(code, 2)).toBeNull()
      expect(await harness.sql('SELECT count(*) AS n FROM workers')).toEqual([{ n: 1 }])
    })

    it('keeps a setup code unused when its redeem is refused because the email is taken', async () => {
      const { workers } = stores
      await workers.addWorker({ email: 'taken@county.gov', name: 'Taken', now: 0 })
      const code = await workers.issueSetupCode(null, 0)
      expect(await workers.redeemSetupCode({ code, passwordHash: 'h', email: 'TAKEN@county.gov', name: 'X', now: 1 })).toBeNull()
      expect(await workers.inspectSetupCode(code, 2)).not.toBeNull()
    })
  })

  describe('hidden ratings', () => {
    it('keeps one rating per person per scale until the scale or meeting is deleted', async () => {
      const { ratings } = stores
      const rating = { meetingId: 'm1', scaleId: 's1', participantId: 'p1', participantName: 'Lorna', value: 6.5, whatMakesItThisHigh: 'Gran helps', onePointHigher: 'A plan' }
      await ratings.put({ ...rating, now: 1 })
      await another.stores.ratings.put({ ...rating, value: 7, now: 2 })
      await ratings.put({ ...rating, participantId: 'p2', participantName: 'Sam', value: 3, now: 3 })
      await ratings.put({ ...rating, meetingId: 'm2', now: 4 })
      expect(await ratings.get('m1', 's1', 'p1')).toEqual({ ...rating, value: 7, updatedAt: 2 })
      expect((await ratings.listForScale('m1', 's1')).map((r) => [r.participantId, r.value])).toEqual([['p1', 7], ['p2', 3]])
      expect((await ratings.meetingIds()).sort()).toEqual(['m1', 'm2'])
      expect(await ratings.deleteScale('m1', 's1')).toBe(2)
      expect(await ratings.deleteMeeting('m2')).toBe(1)
      expect(await ratings.meetingIds()).toEqual([])
    })
  })

  describe('safety journal', () => {
    it('keeps every entry as written, newest first whichever instance wrote it, until the meeting is deleted', async () => {
      const { journal } = stores
      const lorna = { kind: 'participant' as const, id: 'p1', name: 'Lorna' }
      const entry = { meetingId: 'm1', author: lorna, visitDay: '2026-11-12', text: 'Kai was at school every day', planFollowed: 'yes' as const }
      expect(await journal.add({ ...entry, id: 'e1', now: 10 })).toEqual({ ...entry, id: 'e1', writtenAt: 10 })
      await another.stores.journal.add({ ...entry, id: 'e2', author: { kind: 'worker', id: 'w1', name: 'Ana Ruiz' }, text: 'Correction: Monday was missed', planFollowed: null, now: 30 })
      await journal.add({ ...entry, id: 'e3', visitDay: '2026-11-14', planFollowed: 'not-sure', now: 20 })
      await journal.add({ ...entry, id: 'e4', meetingId: 'm2', now: 40 })
      const listed = await another.stores.journal.list('m1')
      expect(listed.map((e) => [e.id, e.writtenAt, e.planFollowed])).toEqual([['e2', 30, null], ['e3', 20, 'not-sure'], ['e1', 10, 'yes']])
      expect(listed[0]?.author).toEqual({ kind: 'worker', id: 'w1', name: 'Ana Ruiz' })
      expect(await journal.count('m1')).toBe(3)
      expect(await journal.deleteMeeting('m1')).toBe(3)
      expect(await journal.list('m1')).toEqual([])
      expect(await harness.sql("SELECT id FROM journal_entries WHERE meeting_id = 'm1'")).toEqual([])
      expect((await journal.list('m2')).map((e) => e.id)).toEqual(['e4'])
    })
  })
}
