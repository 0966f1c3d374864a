/**
 * Journal links over HTTP (server SPEC HT-12): a facilitator makes one for a named person, even
 * after the meeting has ended; it works once, for the days chosen (30 by default, 1–90, never past
 * the day retention deletes the meeting), and its
 * person may read and add to the meeting's safety journal weeks later, when the meeting-day links
 * of the same day stopped long ago. Everything else of the meeting refuses them with
 * JOURNAL_LINK_ONLY: the map's sync socket, the phone list page (the plain page, no map in it), the
 * meeting, its roster, ratings, restricted doc and export; the family's roster does not list them.
 * Ending the meeting leaves their session; stopping the link ends it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { OVERALL_SCALE_ID } from '@safetymap/map-model'
import { en } from '../../apps/web/src/i18n/catalogues/en.ts'
import { es } from '../../apps/web/src/i18n/catalogues/es.ts'
import type { TestServer } from '../helpers/servers.ts'
import { usePeers, useServers } from '../helpers/useServers.ts'
import { api, connectPeer, createMeeting } from '../helpers/clients.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { inviteAndJoin, sessionFrom, upgradeRefusal } from '../helpers/accessClients.ts'

const LIST_HTML = '<!doctype html>\n<html lang="en">\n  <head>\n    <title>SafetyMap</title>\n  </head>\n  <body>\n    <div id="root"></div>\n  </body>\n</html>\n'
const DAY_MS = 24 * 60 * 60 * 1000

const start = useServers()
const peers = usePeers()
let server: TestServer
let clock = Date.parse('2025-03-04T10:00:00Z')
beforeAll(async () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'safetymap-dist-'))
  writeFileSync(path.join(dist, 'index.html'), LIST_HTML)
  writeFileSync(path.join(dist, 'list.html'), LIST_HTML)
  writeFileSync(path.join(dist, 'catalogues.json'), JSON.stringify({ en, es }))
  server = await start({ now: () => clock, env: { WEB_DIST_DIR: dist } })
})

type Reply = { code: string; message: string; token: string; id: string; expiresAt: string }
type Entries = { meetingTitle: string; linkEndsAt: string | null; entries: { text: string; author: { name: string } }[] }

const refusal = (res: { status: number; body: Pick<Reply, 'code'> | null }) => [res.status, res.body?.code]

/** A worker and a meeting she runs, with her calls to it. */
async function setUp(title: string) {
  const owner = await server.addWorker('Ana Ruiz')
  const meeting = await createMeeting(server.url, owner.apiKey, title)
  const path = `/api/meetings/${meeting.id}`
  const post = (route: string, body?: unknown) =>
    api<Reply>(server.url, `${path}${route}`, { method: 'POST', token: owner.apiKey, ...(body === undefined ? {} : { body }) })
  return { owner, meetingId: meeting.id, path, post }
}

/** Joins with a journal link as the join page does: name, relationship, consent, no attendance. */
async function joinJournalLink(token: string, name: string) {
  const preview = await api<{ kind: string; consent: { version: string } }>(server.url, '/api/join/preview', { body: { token } })
  const body = { token, name, relationship: 'grandparent', consentVersion: preview.body.consent.version }
  const joined = await api<Reply & { journalOnly: boolean; participantId: string }>(server.url, '/api/join', { body })
  return { preview, joined, session: sessionFrom(joined.headers), again: () => api<Reply>(server.url, '/api/join', { body: { ...body, name: 'Someone else' } }) }
}

describe('a journal link', () => {
  it('made after the meeting ended lets its person read and write the journal weeks later, once only, until it is stopped', async () => {
    clock = Date.parse('2025-03-04T10:00:00Z')
    const m = await setUp('Kai family meeting')
    const dayLink = (await m.post('/invites', { role: 'editor', kind: 'shared' })).body.token
    expect((await m.post('/end')).status).toBe(204)

    const made = await m.post('/invites', { kind: 'journal', label: 'Grandma Lorna' })
    expect(made.status).toBe(201)
    expect(Date.parse(made.body.expiresAt)).toBe(clock + 30 * DAY_MS)
    expect(made.body).toMatchObject({ kind: 'journal', role: 'editor', lobby: false })

    // Five days on: the meeting-day link of the same day is long gone, the journal link works.
    clock += 5 * DAY_MS
    expect(refusal(await api<Reply>(server.url, '/api/join/preview', { body: { token: dayLink } }))).toEqual([403, 'MEETING_ENDED'])
    const { preview, joined, session, again } = await joinJournalLink(made.body.token, 'Lorna')
    expect(preview.body.kind).toBe('journal')
    expect(joined.status).toBe(200)
    expect(joined.body.journalOnly).toBe(true)
    expect(refusal(await again())).toEqual([410, 'AUTH_INVITE_USED'])
    // Opened again from the same message on her own phone, the link takes her back in; anyone else is told it was used.
    const preview2 = (token?: string) => api<Reply>(server.url, '/api/join/preview', { body: { token: made.body.token }, ...(token ? { token } : {}) })
    expect(refusal(await preview2(session))).toEqual([409, 'INVITE_ALREADY_YOURS'])
    expect(refusal(await preview2())).toEqual([410, 'AUTH_INVITE_USED'])
    expect(refusal(await preview2(m.owner.apiKey))).toEqual([410, 'AUTH_INVITE_USED'])
    expect(refusal(await api<Reply>(server.url, '/api/join/preview', { body: { token: made.body.token } }))).toEqual([410, 'AUTH_INVITE_USED'])

    const journal = `${m.path}/journal`
    const added = await api(server.url, journal, { token: session, body: { text: 'Saturday visit went well; Kai slept over.', planFollowed: 'yes' } })
    expect(added.status).toBe(201)

    // Three weeks later still (the session lasts as long as the link).
    clock += 21 * DAY_MS
    const read = await api<Entries>(server.url, journal, { token: session })
    expect(read.status).toBe(200)
    expect(read.body.meetingTitle).toBe('Kai family meeting')
    // Her page can tell her when the link, and so her way in, stops working; nobody else has one.
    expect(read.body.linkEndsAt).toBe(made.body.expiresAt)
    expect(read.body.entries.map((e) => [e.author.name, e.text])).toEqual([['Lorna', 'Saturday visit went well; Kai slept over.']])
    const facilitatorReads = await api<Entries>(server.url, journal, { token: m.owner.apiKey })
    expect(facilitatorReads.body.entries[0]?.author.name).toBe('Lorna')
    expect(facilitatorReads.body.linkEndsAt).toBeNull()

    // Stopping the link ends her session.
    expect((await api(server.url, `${m.path}/invites/${made.body.id}`, { method: 'DELETE', token: m.owner.apiKey })).status).toBe(204)
    expect(refusal(await api<Reply>(server.url, journal, { token: session }))).toEqual([403, 'PARTICIPANT_REMOVED'])
  })

  it('stops working after the days chosen, and its session with it; removing its person ends that too', async () => {
    clock = Date.parse('2025-03-04T10:00:00Z')
    const m = await setUp('Two-day link')
    const made = await m.post('/invites', { kind: 'journal', label: 'Uncle Tane', days: 2 })
    expect(Date.parse(made.body.expiresAt)).toBe(clock + 2 * DAY_MS)
    const { session } = await joinJournalLink(made.body.token, 'Tane')
    const other = await joinJournalLink((await m.post('/invites', { kind: 'journal', label: 'Aunt May' })).body.token, 'May')
    expect((await api(server.url, `${m.path}/journal`, { token: session })).status).toBe(200)

    expect((await api(server.url, `${m.path}/participants/${other.joined.body.participantId}`, { method: 'DELETE', token: m.owner.apiKey })).status).toBe(204)
    expect(refusal(await api<Reply>(server.url, `${m.path}/journal`, { token: other.session }))).toEqual([403, 'PARTICIPANT_REMOVED'])

    clock += 2 * DAY_MS + 1
    expect((await api(server.url, `${m.path}/journal`, { token: session })).status).toBe(401)
  })

  it('made for a meeting that retention will delete sooner ends on that day, and says so', async () => {
    clock = Date.parse('2025-03-04T10:00:00Z')
    const m = await setUp('Ended ten days ago')
    expect((await m.post('/end')).status).toBe(204)
    const ended = clock
    // The server keeps an ended meeting 30 days (RETENTION_DAYS' default), its journal with it.
    clock += 10 * DAY_MS
    const long = await m.post('/invites', { kind: 'journal', label: 'Grandma Lorna', days: 30 })
    expect(Date.parse(long.body.expiresAt)).toBe(ended + 30 * DAY_MS)
    const short = await m.post('/invites', { kind: 'journal', label: 'Aunt May', days: 5 })
    expect(Date.parse(short.body.expiresAt)).toBe(clock + 5 * DAY_MS)
  })

  it('is refused a number of days out of 1–90, a missing name, and a role or lobby of its own; meeting invites take no days', async () => {
    const m = await setUp('Bounds')
    for (const days of [0, 91, 2.5]) {
      const res = await m.post('/invites', { kind: 'journal', label: 'Grandma Lorna', days })
      expect([res.status, res.body.code]).toEqual([400, 'FST_ERR_VALIDATION'])
      expect(res.body.message).toMatch(/days/)
    }
    for (const body of [{ kind: 'journal' }, { kind: 'journal', label: '  ' }, { kind: 'journal', label: 'Lorna', role: 'viewer' }, { kind: 'journal', label: 'Lorna', lobby: true }, { role: 'editor', days: 30 }]) {
      expect((await m.post('/invites', body)).status).toBe(400)
    }
    expect((await m.post('/invites', { kind: 'journal', label: 'Grandma Lorna', days: 90 })).status).toBe(201)
  })
})

describe('someone who joined by a journal link', () => {
  it('is refused the map socket, the phone list, the roster, the meeting, ratings, restricted doc, export and roster events; the journal stays theirs after the meeting ends', async () => {
    clock = Date.parse('2025-03-04T10:00:00Z')
    const m = await setUp('Live meeting')
    const link = (await m.post('/invites', { kind: 'journal', label: 'Grandma Lorna', days: 45 })).body
    const lorna = (await joinJournalLink(link.token, 'Lorna')).session
    const sam = await inviteAndJoin(server.url, m.owner.apiKey, m.meetingId, { name: 'Sam' })

    expect(await upgradeRefusal(server.url, m.meetingId, { authorization: `Bearer ${lorna}` })).toEqual({ status: 403, code: 'JOURNAL_LINK_ONLY' })
    expect(await upgradeRefusal(server.url, `${m.meetingId}/restricted`, { authorization: `Bearer ${lorna}` })).toMatchObject({ status: 403 })
    expect(await upgradeRefusal(server.url, m.meetingId, { authorization: `Bearer ${sam.session}` })).toEqual({ status: 101, code: null })

    // The phone list page: the map written in for an invited editor, the plain page for her.
    const facilitator = connectPeer({ url: server.url, meetingId: m.meetingId, token: m.owner.apiKey })
    peers.push(facilitator)
    await facilitator.synced()
    await waitFor(async () => (await server.services.relay.readDocState(m.meetingId)) !== null, { timeoutMs: 10_000, what: 'the map in the relay' })
    const listPage = async (session: string) => (await fetch(`${server.url}/m/${m.meetingId}/list`, { headers: { cookie: `sm_session=${session}` } })).text()
    expect(await listPage(sam.session)).toContain('phone-prerender')
    expect(await listPage(lorna)).toBe(LIST_HTML)

    const as = (route: string, options: { method?: string; body?: unknown } = {}) => api<Reply>(server.url, `${m.path}${route}`, { token: lorna, ...options })
    for (const res of [
      await as(''),
      await as('/participants'),
      await as('/roster/events'),
      await as(`/ratings/${encodeURIComponent(OVERALL_SCALE_ID)}`, { method: 'PUT', body: { value: 7 } }),
      await as('/export?format=json'),
    ]) {
      expect(refusal(res)).toEqual([403, 'JOURNAL_LINK_ONLY'])
    }
    // Not in the meeting, so not on its roster for the family; the facilitators see her, marked,
    // with until when her link works (so they can send a new one in time).
    type Roster = { participants: { name: string; journalOnly?: boolean; journalLinkEndsAt?: string | null }[] }
    const familyRoster = await api<Roster>(server.url, `${m.path}/participants`, { token: sam.session })
    expect(familyRoster.body.participants.map((p) => p.name)).toEqual(['Ana Ruiz', 'Sam'])
    expect(familyRoster.body.participants.some((p) => 'journalLinkEndsAt' in p)).toBe(false)
    const staffRoster = await api<Roster>(server.url, `${m.path}/participants`, { token: m.owner.apiKey })
    expect(staffRoster.body.participants.find((p) => p.name === 'Lorna')).toMatchObject({ journalOnly: true, journalLinkEndsAt: link.expiresAt })
    expect(Date.parse(link.expiresAt)).toBe(clock + 45 * DAY_MS)
    expect(staffRoster.body.participants.find((p) => p.name === 'Sam')?.journalLinkEndsAt).toBeNull()

    const me = await api<{ participant: { journalOnly: boolean; name: string } }>(server.url, '/api/me', { token: lorna })
    expect(me.body.participant).toMatchObject({ name: 'Lorna', journalOnly: true })

    // Ending the meeting ends Sam's session, not the journal link's.
    expect((await m.post('/end')).status).toBe(204)
    expect(refusal(await api<Reply>(server.url, `${m.path}/journal`, { token: sam.session }))).toEqual([403, 'MEETING_ENDED'])
    expect((await as('/journal', { body: { text: 'Sunday: Jess picked Kai up on time.' } })).status).toBe(201)
    expect(refusal(await as('/participants'))).toEqual([403, 'JOURNAL_LINK_ONLY'])
  })
})
