/**
 * Retention over a real SQLite file: a meeting finalized longer ago than RETENTION_DAYS is purged
 * when the server starts (and hourly), so is one ended but never finalized (counted from its end),
 * and `safetymap meeting purge <id>` purges one on demand.
 * Afterwards no content byte (a note's text, the title, a participant's name, an invite label)
 * remains in any database file; only the meeting's audit entries (ids) stay.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { addItem } from '@safetymap/map-model'
import { REPO_ROOT, databaseEnv, tempDataDir } from '../helpers/servers.ts'
import { useServers } from '../helpers/useServers.ts'
import { storedNeedles } from '../helpers/storedNeedles.ts'
import { api, connectPeer, createMeeting } from '../helpers/clients.ts'
import { inviteAndJoin } from '../helpers/accessClients.ts'
import { waitFor } from '../helpers/waitFor.ts'

const run = promisify(execFile)
const DAY_MS = 24 * 60 * 60 * 1000
const start = useServers()

describe('retention', () => {
  it('purges a meeting finalized longer ago than RETENTION_DAYS on start, leaving no content bytes and its audit entries', async () => {
    const dataDir = tempDataDir()
    let clock = Date.now()
    const env = { RETENTION_DAYS: '30' }
    const first = await start({ dataDir, env, now: () => clock })
    const { apiKey } = await first.addWorker('Ana Ruiz')
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
    expect(await storedNeedles(dataDir, needles)).toEqual(needles)

    // 20 days later, the other meeting is finalized; 31 days after the first finalize, a restart purges.
    clock += 20 * DAY_MS
    const second = await start({ dataDir, env, now: () => clock })
    expect((await api(second.url, `/api/meetings/${kept.id}/finalize`, { method: 'POST', token: apiKey })).status).toBe(200)
    await second.close()

    clock += 11 * DAY_MS
    const third = await start({ dataDir, env, now: () => clock })
    await waitFor(async () => (await third.services.audit.forMeeting(meeting.id)).some((e) => e.action === 'meeting.purged'), {
      timeoutMs: 10_000,
      what: 'the retention sweep to purge the meeting',
    })
    expect((await api(third.url, `/api/meetings/${meeting.id}`, { token: apiKey })).status).toBe(404)
    expect((await api(third.url, `/api/meetings/${kept.id}`, { token: apiKey })).status).toBe(200)
    expect(await third.services.relay.readDocState(meeting.id)).toBeNull()
    expect(await third.services.meetings.listVersions(meeting.id)).toEqual([])
    const trail = await third.services.audit.forMeeting(meeting.id)
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['meeting.created', 'participant.joined', 'meeting.finalized', 'meeting.purged']))
    expect(await third.services.audit.verify()).toEqual({ ok: true })
    // Clean while the server still runs (the purge checkpointed the WAL), and after it closed.
    expect(await storedNeedles(dataDir, needles)).toEqual([])
    await third.close()

    expect(await storedNeedles(dataDir, needles)).toEqual([])
    expect(await storedNeedles(dataDir, ['Recently finalized Marchbanks'])).toEqual(['Recently finalized Marchbanks'])
  })

  it('purges a meeting ended but never finalized, RETENTION_DAYS after it ended, leaving no content bytes', async () => {
    const dataDir = tempDataDir()
    let clock = Date.now()
    const env = { RETENTION_DAYS: '30' }
    const first = await start({ dataDir, env, now: () => clock })
    const { apiKey } = await first.addWorker('Ana Ruiz')
    const needles = ['Pennywhistle family', 'Ottoline Pennywhistle', 'grandad teaches origami on Sundays']

    const ended = await createMeeting(first.url, apiKey, 'Pennywhistle family')
    const recent = await createMeeting(first.url, apiKey, 'Recently ended Fairweather')
    const live = await createMeeting(first.url, apiKey, 'Still running Hollowell')
    const joiner = await inviteAndJoin(first.url, apiKey, ended.id, { name: 'Ottoline Pennywhistle' })
    const peer = connectPeer({ url: first.url, meetingId: ended.id, token: joiner.session })
    await peer.synced()
    addItem(peer.doc, 'strengths', 'grandad teaches origami on Sundays', { id: joiner.participantId, name: 'Ottoline Pennywhistle' })
    await waitFor(async () => {
      const state = await first.services.relay.readDocState(ended.id)
      return state !== null && Buffer.from(state).includes(Buffer.from('origami'))
    }, { timeoutMs: 3000, what: 'the note to be stored' })
    peer.destroy()
    expect((await api(first.url, `/api/meetings/${ended.id}/end`, { method: 'POST', token: apiKey })).status).toBe(204)
    await first.close()
    expect(await storedNeedles(dataDir, needles)).toEqual(needles)

    // 20 days later the other meeting ends; 31 days after the first ended, a restart purges it alone.
    clock += 20 * DAY_MS
    const second = await start({ dataDir, env, now: () => clock })
    expect((await api(second.url, `/api/meetings/${recent.id}/end`, { method: 'POST', token: apiKey })).status).toBe(204)
    await second.close()

    clock += 11 * DAY_MS
    const third = await start({ dataDir, env, now: () => clock })
    await waitFor(async () => (await third.services.audit.forMeeting(ended.id)).some((e) => e.action === 'meeting.purged'), {
      timeoutMs: 10_000,
      what: 'the retention sweep to purge the ended meeting',
    })
    expect((await api(third.url, `/api/meetings/${ended.id}`, { token: apiKey })).status).toBe(404)
    for (const kept of [recent, live]) expect((await api(third.url, `/api/meetings/${kept.id}`, { token: apiKey })).status).toBe(200)
    expect(await third.services.relay.readDocState(ended.id)).toBeNull()
    const purged = (await third.services.audit.forMeeting(ended.id)).find((e) => e.action === 'meeting.purged')
    expect(purged?.details).toMatchObject({ reason: 'retention' })
    await third.close()

    expect(await storedNeedles(dataDir, needles)).toEqual([])
    expect(await storedNeedles(dataDir, ['Recently ended Fairweather', 'Still running Hollowell'])).toEqual(['Recently ended Fairweather', 'Still running Hollowell'])
  })

  it('`safetymap meeting purge <id>` purges one meeting on demand', async () => {
    const dataDir = tempDataDir()
    const server = await start({ dataDir })
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Thistlewood on-demand purge')
    await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Cornelius Thistlewood' })
    const needles = ['Thistlewood on-demand purge', 'Cornelius Thistlewood']
    await server.close()
    expect(await storedNeedles(dataDir, needles)).toEqual(needles)

    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'meeting', 'purge', meeting.id], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...(await databaseEnv(dataDir)) },
      timeout: 30_000,
    })
    expect(stdout).toContain('purged')
    expect(await storedNeedles(dataDir, needles)).toEqual([])

    const after = await start({ dataDir })
    expect(await after.services.meetings.get(meeting.id)).toBeNull()
    expect((await after.services.audit.forMeeting(meeting.id)).map((e) => e.action)).toContain('meeting.purged')
    // An id that starts with a dash (older ids can) is still read as the id, not as an option.
    await expect(run(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'meeting', 'purge', '-OJoPhAbMkZYDFjOXrsTZA'], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...(await databaseEnv(dataDir)) },
      timeout: 30_000,
    })).rejects.toMatchObject({ code: 65, stderr: expect.stringContaining('No meeting has the id -OJoPhAbMkZYDFjOXrsTZA') })
  })
})
