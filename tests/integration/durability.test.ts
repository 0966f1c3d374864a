/**
 * Nothing is lost across a clean restart or a `kill -9`: the server process is real, the
 * SQLite file is real, and the clients are stock y-websocket providers that reconnect by
 * themselves (PS-2, PS-3, RL-3).
 */
import { spawnSync } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { addItem, readMap, type SafetyMap } from '@safetymap/map-model'
import { REPO_ROOT, databaseEnv, freePort, spawnServer, tempDataDir, type ServerProcess } from '../helpers/servers.ts'
import { connectPeer, createMeeting, joinByInvite, type Peer } from '../helpers/clients.ts'
import { waitFor } from '../helpers/waitFor.ts'

const running: ServerProcess[] = []
const peers: Peer[] = []
afterEach(async () => {
  for (const peer of peers.splice(0)) peer.destroy()
  for (const server of running.splice(0)) await server.stop('SIGKILL')
})

/** Creates a worker with the documented CLI, as an operator would. */
async function cliWorkerAdd(dataDir: string): Promise<{ workerId: string; apiKey: string }> {
  const env = { ...process.env, ...(await databaseEnv(dataDir)) }
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'worker', 'add', '--email', 'ana@example.org', '--name', 'Ana Ruiz', '--json'], {
    cwd: REPO_ROOT,
    env,
    encoding: 'utf8',
  })
  expect(result.status, result.stderr).toBe(0)
  return JSON.parse(result.stdout)
}

const allTexts = (map: SafetyMap) => Object.values(map.sections).flat().map((item) => item.text).sort()

// Each test starts three or four real server processes (tsx), ~4 s each on a busy 2-core runner.
describe('durability of the embedded default', { timeout: 60_000 }, () => {
  it('a restarted server still has every note', async () => {
    const dataDir = tempDataDir()
    const port = await freePort()
    const { apiKey } = await cliWorkerAdd(dataDir)
    let server = await spawnServer({ dataDir, port })
    running.push(server)
    const meeting = await createMeeting(server.url, apiKey, 'Restart check')
    const writer = connectPeer({ url: server.url, meetingId: meeting.id, token: apiKey })
    const witness = connectPeer({ url: server.url, meetingId: meeting.id, token: apiKey })
    peers.push(writer, witness)
    await Promise.all([writer.synced(), witness.synced()])
    addItem(writer.doc, 'goals', 'Kai has breakfast every school day', { id: 'w', name: 'Ana' })
    await waitFor(() => readMap(witness.doc).sections.goals.length === 1, { what: 'the edit to pass through the server' })
    for (const peer of peers.splice(0)) peer.destroy()

    await server.stop('SIGTERM')
    server = await spawnServer({ dataDir, port })
    running.push(server)
    const reader = connectPeer({ url: server.url, meetingId: meeting.id, token: apiKey })
    peers.push(reader)
    await reader.synced()
    expect(readMap(reader.doc).sections.goals.map((i) => i.text)).toEqual(['Kai has breakfast every school day'])
  })

  it('after kill -9 mid-edit and a restart, every edit any client holds is on the server', async () => {
    const dataDir = tempDataDir()
    const port = await freePort()
    const { apiKey } = await cliWorkerAdd(dataDir)
    let server = await spawnServer({ dataDir, port })
    running.push(server)
    const meeting = await createMeeting(server.url, apiKey, 'Crash check')
    const lorna = await joinByInvite(server.url, apiKey, meeting.id, 'Lorna')
    const a = connectPeer({ url: server.url, meetingId: meeting.id, token: apiKey })
    const b = connectPeer({ url: server.url, meetingId: meeting.id, token: lorna.session })
    peers.push(a, b)
    await Promise.all([a.synced(), b.synced()])

    // Both keep typing while the server is killed without warning, and go on typing offline.
    let killed = false
    const typing = (async () => {
      for (let i = 0; i < 40; i += 1) {
        addItem(a.doc, 'next-steps', `step A${i}`, { id: 'w', name: 'Ana' })
        addItem(b.doc, 'strengths', `strength B${i}`, { id: lorna.participantId, name: 'Lorna' })
        if (i === 20) {
          await server.stop('SIGKILL')
          killed = true
        }
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    })()
    await typing
    expect(killed).toBe(true)

    server = await spawnServer({ dataDir, port })
    running.push(server)
    // The stock providers reconnect by themselves and merge what they hold.
    await waitFor(() => a.provider.synced && b.provider.synced, { timeoutMs: 15_000, what: 'both clients to reconnect' })

    const expected = [...new Set([...allTexts(readMap(a.doc)), ...allTexts(readMap(b.doc))])].sort()
    expect(expected).toHaveLength(80)
    const fresh = connectPeer({ url: server.url, meetingId: meeting.id, token: apiKey })
    peers.push(fresh)
    await fresh.synced()
    await waitFor(() => allTexts(readMap(fresh.doc)).length === 80, { timeoutMs: 10_000, what: 'all 80 notes on a fresh client' })
    expect(allTexts(readMap(fresh.doc))).toEqual(expected)

    // And they survive one more crash: they were stored, not just relayed.
    await server.stop('SIGKILL')
    for (const peer of peers.splice(0)) peer.destroy()
    server = await spawnServer({ dataDir, port })
    running.push(server)
    const after = connectPeer({ url: server.url, meetingId: meeting.id, token: apiKey })
    peers.push(after)
    await after.synced()
    expect(allTexts(readMap(after.doc))).toEqual(expected)
  })
})
