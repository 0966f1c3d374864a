/**
 * The safety journal over a real server (safety-mapping guide §5, server SPEC HT-11): participants and facilitators
 * add dated, attributed entries between meetings, read newest first; viewers only read; someone
 * removed or declined cannot; nothing edits or deletes an entry; an over-long entry is refused and
 * not stored; the journal goes on after the map is finalized; purging the meeting deletes it.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT, databaseEnv, tempDataDir, type TestServer } from '../helpers/servers.ts'
import { useServers } from '../helpers/useServers.ts'
import { storedNeedles } from '../helpers/storedNeedles.ts'
import { api, createMeeting } from '../helpers/clients.ts'
import { inviteAndJoin } from '../helpers/accessClients.ts'

const run = promisify(execFile)
const start = useServers()
let server: TestServer
let apiKey: string
let clock = Date.parse('2026-11-13T18:04:00Z')

type Entry = { id: string; author: { kind: string; id: string; name: string }; visitDay: string; text: string; planFollowed: string | null; writtenAt: string }
type Failure = { code: string; message: string }

const journalPath = (meetingId: string) => `/api/meetings/${meetingId}/journal`
const write = (meetingId: string, token: string, body: unknown) => api<{ entry: Entry } & Failure>(server.url, journalPath(meetingId), { token, body })
const read = (meetingId: string, token: string) => api<{ entries: Entry[] } & Failure>(server.url, journalPath(meetingId), { token })

beforeAll(async () => {
  server = await start({ now: () => clock })
  apiKey = (await server.addWorker('Ana Ruiz')).apiKey
})

describe('the safety journal', () => {
  it('takes entries from participants and facilitators, attributed from the session and dated by the server, and lists them newest first', async () => {
    const meeting = await createMeeting(server.url, apiKey, 'Journal order')
    const lorna = await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Lorna' })

    // A name in the body is not the author: the session is.
    const byLorna = await write(meeting.id, lorna.session, { text: '  Kai had breakfast before school.  ', visitDay: '2026-11-12', planFollowed: 'yes' })
    expect(byLorna.status).toBe(201)
    expect(byLorna.body.entry).toMatchObject({
      author: { kind: 'participant', id: lorna.participantId, name: 'Lorna' },
      visitDay: '2026-11-12',
      text: 'Kai had breakfast before school.',
      planFollowed: 'yes',
      writtenAt: '2026-11-13T18:04:00.000Z',
    })
    const claimed = await write(meeting.id, lorna.session, { text: 'Signed as someone else', author: { kind: 'worker', id: 'w-x', name: 'Someone else' } })
    expect(claimed.body.entry.author).toEqual({ kind: 'participant', id: lorna.participantId, name: 'Lorna' })

    clock += 60_000
    const byAna = await write(meeting.id, apiKey, { text: 'Visited; Jess texted Lorna as planned.' })
    expect(byAna.status).toBe(201)
    // Without a day, the entry is about today (the agency's calendar, UTC here); with no answer, the plan question stays open.
    expect(byAna.body.entry).toMatchObject({ author: { kind: 'worker', name: 'Ana Ruiz' }, visitDay: '2026-11-13', planFollowed: null })

    const listed = await read(meeting.id, lorna.session)
    expect(listed.status).toBe(200)
    expect(listed.body.entries.map((e) => [e.author.name, e.visitDay])).toEqual([['Ana Ruiz', '2026-11-13'], ['Lorna', '2026-11-13'], ['Lorna', '2026-11-12']])
  })

  it('refuses a day still to come or not on the calendar, and an empty entry', async () => {
    const meeting = await createMeeting(server.url, apiKey, 'Journal days')
    for (const visitDay of ['2026-11-14', '2026-02-30', 'yesterday']) {
      const refused = await write(meeting.id, apiKey, { text: 'A visit', visitDay })
      expect([refused.status, refused.body.code], visitDay).toEqual([400, 'JOURNAL_DAY_INVALID'])
    }
    expect((await write(meeting.id, apiKey, { text: '   ' })).status).toBe(400)
    expect((await write(meeting.id, apiKey, { text: 'A visit', planFollowed: 'mostly' })).status).toBe(400)
    expect((await read(meeting.id, apiKey)).body.entries).toEqual([])
  })

  it('refuses an entry over 2,000 characters with a plain message and stores nothing of it', async () => {
    const meeting = await createMeeting(server.url, apiKey, 'Journal length')
    const longest = 'ñ'.repeat(2000)
    expect((await write(meeting.id, apiKey, { text: longest })).status).toBe(201)
    const refused = await write(meeting.id, apiKey, { text: `Zephyrine ${'a'.repeat(1991)}` })
    expect(refused.status).toBe(413)
    expect(refused.body).toMatchObject({ code: 'JOURNAL_TEXT_TOO_LONG', message: 'A journal entry can be at most 2,000 characters. Shorten it, or write the rest as a second entry.' })
    expect((await read(meeting.id, apiKey)).body.entries.map((e) => e.text)).toEqual([longest])
    expect(await storedNeedles(server.dataDir, ['Zephyrine'])).toEqual([])
  })

  it('lets a viewer read but not write, and refuses someone removed or declined', async () => {
    const meeting = await createMeeting(server.url, apiKey, 'Journal access')
    expect((await write(meeting.id, apiKey, { text: 'First visit went well.' })).status).toBe(201)
    const viewer = await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Sam', role: 'viewer' })
    expect((await read(meeting.id, viewer.session)).body.entries).toHaveLength(1)
    const refused = await write(meeting.id, viewer.session, { text: 'From a viewer' })
    expect([refused.status, refused.body.code]).toEqual([403, 'JOURNAL_NOT_ALLOWED'])

    const removed = await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Dee' })
    expect((await api(server.url, `/api/meetings/${meeting.id}/participants/${removed.participantId}`, { method: 'DELETE', token: apiKey })).status).toBe(204)
    for (const answer of [await read(meeting.id, removed.session), await write(meeting.id, removed.session, { text: 'After removal' })]) {
      expect([answer.status, answer.body.code]).toEqual([403, 'PARTICIPANT_REMOVED'])
    }

    const declined = await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Lee', kind: 'shared', lobby: true })
    expect((await api(server.url, `/api/meetings/${meeting.id}/participants/${declined.participantId}/decline`, { method: 'POST', token: apiKey })).status).toBeLessThan(300)
    for (const answer of [await read(meeting.id, declined.session), await write(meeting.id, declined.session, { text: 'After decline' })]) {
      expect([answer.status, answer.body.code]).toEqual([403, 'LOBBY_DECLINED'])
    }
    // Someone from another meeting learns nothing: the meeting is "not found" to them.
    const other = await createMeeting(server.url, apiKey, 'Another family')
    const stranger = await inviteAndJoin(server.url, apiKey, other.id, { name: 'Stranger' })
    expect((await read(meeting.id, stranger.session)).status).toBe(404)
    expect((await read(meeting.id, stranger.session)).body.code).toBe('MEETING_NOT_FOUND')
    expect((await read(meeting.id, viewer.session)).body.entries.map((e) => e.text)).toEqual(['First visit went well.'])
  })

  it('has no way to change or delete an entry', async () => {
    const meeting = await createMeeting(server.url, apiKey, 'Journal append-only')
    const { entry } = (await write(meeting.id, apiKey, { text: 'As it happened.' })).body
    for (const [method, path] of [['PUT', `${journalPath(meeting.id)}/${entry.id}`], ['PATCH', `${journalPath(meeting.id)}/${entry.id}`], ['DELETE', `${journalPath(meeting.id)}/${entry.id}`], ['DELETE', journalPath(meeting.id)], ['PUT', journalPath(meeting.id)]] as const) {
      const answer = await api(server.url, path, { method, token: apiKey, ...(method === 'DELETE' ? {} : { body: { text: 'Rewritten' } }) })
      expect(answer.status, `${method} ${path}`).toBe(404)
    }
    expect((await read(meeting.id, apiKey)).body.entries.map((e) => e.text)).toEqual(['As it happened.'])
  })

  it('goes on after the map is finalized, and after it is reopened for the next meeting', async () => {
    const meeting = await createMeeting(server.url, apiKey, 'Journal across meetings')
    const lorna = await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Lorna' })
    expect((await api(server.url, `/api/meetings/${meeting.id}/finalize`, { method: 'POST', token: apiKey })).status).toBe(200)
    clock += 60_000
    expect((await write(meeting.id, lorna.session, { text: 'Weekend visit, all fine.' })).status).toBe(201)
    expect((await api(server.url, `/api/meetings/${meeting.id}/reopen`, { method: 'POST', token: apiKey })).status).toBe(200)
    clock += 60_000
    expect((await write(meeting.id, apiKey, { text: 'Reviewed at the second meeting.' })).status).toBe(201)
    expect((await read(meeting.id, lorna.session)).body.entries.map((e) => e.text)).toEqual(['Reviewed at the second meeting.', 'Weekend visit, all fine.'])
    const audit = await server.services.audit.forMeeting(meeting.id)
    const added = audit.filter((e) => e.action === 'journal.entry-added')
    expect(added).toHaveLength(2)
    // Ids only in the trail: no words, no names.
    expect(JSON.stringify(added)).not.toMatch(/Weekend|Reviewed|Lorna/)
  })
})

describe('purging a meeting', () => {
  it('`safetymap meeting purge <id>` deletes its safety journal too', async () => {
    const dataDir = tempDataDir()
    const own = await start({ dataDir })
    const { apiKey: key } = await own.addWorker('Ana Ruiz')
    const meeting = await createMeeting(own.url, key, 'Journal purge')
    const kept = await createMeeting(own.url, key, 'Journal kept')
    const texts = { [meeting.id]: 'Quillborne purged visit', [kept.id]: 'Marchetti kept visit' }
    for (const [id, text] of Object.entries(texts)) expect((await api(own.url, journalPath(id), { token: key, body: { text } })).status).toBe(201)
    await own.close()

    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'meeting', 'purge', meeting.id], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...(await databaseEnv(dataDir)) },
      timeout: 30_000,
    })
    expect(stdout).toContain('purged')
    // No byte of the purged entry is left in the database files; the other meeting's journal stays.
    expect(await storedNeedles(dataDir, Object.values(texts))).toEqual(['Marchetti kept visit'])
    const after = await start({ dataDir })
    expect(await after.services.journal.list(meeting.id)).toEqual([])
    expect((await after.services.journal.list(kept.id)).map((e) => e.text)).toEqual(['Marchetti kept visit'])
  })
})
