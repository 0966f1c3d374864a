/**
 * Retention over a real SQLite file: a meeting finalized longer ago than RETENTION_DAYS is purged
 * when the server starts (and hourly), and `safetymap meeting purge <id>` purges one on demand.
 * Afterwards no content byte (a note's text, the title, a participant's name, an invite label)
 * remains in any database file; only the meeting's audit entries (ids) stay.
 */
import { execFile } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { addItem } from '@safetymap/map-model'
import { REPO_ROOT, startServer, tempDataDir, type TestServer } from '../helpers/servers.ts'
import { api, connectPeer, createMeeting } from '../helpers/clients.ts'
import { inviteAndJoin } from '../helpers/accessClients.ts'
import { waitFor } from '../helpers/waitFor.ts'

const run = promisify(execFile)
const DAY_MS = 24 * 60 * 60 * 1000
const servers: TestServer[] = []
afterAll(async () => {
  for (const s of servers) await s.close().catch(() => undefined)
})

/** Which of the needles appear anywhere in the data directory's files (db, WAL, shared memory). */
function storedNeedles(dataDir: string, needles: string[]): string[] {
  const files = readdirSync(dataDir).map((f) => readFileSync(path.join(dataDir, f)))
  return needles.filter((needle) => files.some((bytes) => bytes.includes(Buffer.from(needle, 'utf8'))))
}

describe('retention', () => {
  it('purges a meeting finalized longer ago than RETENTION_DAYS on start, leaving no content bytes and its audit entries', async () => {
    const dataDir = tempDataDir()
    let clock = Date.now()
    const env = { RETENTION_DAYS: '30' }
    const first = await startServer({ dataDir, env, now: () => clock })
    servers.push(first)
    const { apiKey } = first.addWorker('Ana Ruiz')
    const needles = ['Quillfeather household', 'Bartholomew Nightingale', 'xylophone lessons every Tuesday', 'For Aunt Philippa']

    const meeting = await createMeeting(first.url, apiKey, 'Quillfeather household')
    const kept = await createMeeting(first.url, apiKey, 'Recently finalized Marchbanks')
    const joiner = await inviteAndJoin(first.url, apiKey, meeting.id, { name: 'Bartholomew Nightingale' })
    await api(first.url, `/api/meetings/${meeting.id}/invites`, { token: apiKey, body: { role: 'viewer', label: 'For Aunt Philippa' } })
    const peer = connectPeer({ url: first.url, meetingId: meeting.id, token: joiner.session })
    await peer.synced()
    addItem(peer.doc, 'strengths', 'xylophone lessons every Tuesday', { id: joiner.participantId, name: 'Bartholomew Nightingale' })
    await waitFor(async () => {
      const state = await first.services.relay.readDocState(meeting.id)
      return state !== null && Buffer.from(state).includes(Buffer.from('xylophone lessons'))
    }, { timeoutMs: 3000, what: 'the note to be stored' })
    peer.destroy()
    expect((await api(first.url, `/api/meetings/${meeting.id}/finalize`, { method: 'POST', token: apiKey })).status).toBe(200)
    await first.close()
    // The check can see plain text: before the purge every needle is in the files.
    expect(storedNeedles(dataDir, needles)).toEqual(needles)

    // 20 days later, the other meeting is finalized; 31 days after the first finalize, a restart purges.
    clock += 20 * DAY_MS
    const second = await startServer({ dataDir, env, now: () => clock })
    servers.push(second)
    expect((await api(second.url, `/api/meetings/${kept.id}/finalize`, { method: 'POST', token: apiKey })).status).toBe(200)
    await second.close()

    clock += 11 * DAY_MS
    const third = await startServer({ dataDir, env, now: () => clock })
    servers.push(third)
    await waitFor(() => third.services.audit.forMeeting(meeting.id).some((e) => e.action === 'meeting.purged'), {
      timeoutMs: 10_000,
      what: 'the retention sweep to purge the meeting',
    })
    expect((await api(third.url, `/api/meetings/${meeting.id}`, { token: apiKey })).status).toBe(404)
    expect((await api(third.url, `/api/meetings/${kept.id}`, { token: apiKey })).status).toBe(200)
    expect(await third.services.relay.readDocState(meeting.id)).toBeNull()
    expect(third.services.meetings.listVersions(meeting.id)).toEqual([])
    const trail = third.services.audit.forMeeting(meeting.id)
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['meeting.created', 'participant.joined', 'meeting.finalized', 'meeting.purged']))
    expect(third.services.audit.verify()).toEqual({ ok: true })
    // Clean while the server still runs (the purge checkpointed the WAL), and after it closed.
    expect(storedNeedles(dataDir, needles)).toEqual([])
    await third.close()

    expect(storedNeedles(dataDir, needles)).toEqual([])
    expect(storedNeedles(dataDir, ['Recently finalized Marchbanks'])).toEqual(['Recently finalized Marchbanks'])
  })

  it('`safetymap meeting purge <id>` purges one meeting on demand', async () => {
    const dataDir = tempDataDir()
    const server = await startServer({ dataDir })
    servers.push(server)
    const { apiKey } = server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Thistlewood on-demand purge')
    await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Cornelius Thistlewood' })
    const needles = ['Thistlewood on-demand purge', 'Cornelius Thistlewood']
    await server.close()
    expect(storedNeedles(dataDir, needles)).toEqual(needles)

    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'meeting', 'purge', meeting.id], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
      timeout: 30_000,
    })
    expect(stdout).toContain('purged')
    expect(storedNeedles(dataDir, needles)).toEqual([])

    const after = await startServer({ dataDir })
    servers.push(after)
    expect(after.services.meetings.get(meeting.id)).toBeNull()
    expect(after.services.audit.forMeeting(meeting.id).map((e) => e.action)).toContain('meeting.purged')
    await expect(run(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'meeting', 'purge', 'no-such-meeting'], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
      timeout: 30_000,
    })).rejects.toMatchObject({ code: 65 })
  })
})
