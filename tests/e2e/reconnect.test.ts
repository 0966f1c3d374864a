/**
 * An open browser rides out a server restart on its own and tells the truth about it: the
 * status goes offline, a note typed meanwhile is held as an unsent change, and once the server
 * is back the page reconnects by itself and the note reaches everyone. Phones on the list view come
 * back quickly: after the server was away a dozen seconds, every phone says "live" again within
 * 8 s of the server listening, not after a retry wait that grew while nobody answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { devices, type Browser } from 'playwright-core'
import { readMap } from '@safetymap/map-model'
import { freePort, startServer, tempDataDir, type TestServer } from '../helpers/servers.ts'
import { connectPeer } from '../helpers/clients.ts'
import { closeContexts, recordingContext, sharedChromium } from '../helpers/browser.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { addNoteUnder, openNewMeeting, workerWithPassword } from '../helpers/meetingUi.ts'

let server: TestServer
let browser: Browser
const dataDir = tempDataDir()

beforeAll(async () => {
  server = await startServer({ dataDir, port: await freePort() })
  browser = await sharedChromium()
})
afterAll(async () => {
  if (browser) await closeContexts(browser)
  await server?.close()
})

describe('reconnecting after the server goes away', () => {
  it('shows offline with unsent changes, reconnects by itself, and delivers the note', async () => {
    const worker = await workerWithPassword(server, 'ana.reconnect@example.org', 'Ana Ruiz')
    const { context } = await recordingContext(browser)
    const page = await context.newPage()
    const meetingId = await openNewMeeting(page, server.url, 'ana.reconnect@example.org', 'Restart during a meeting')
    const status = page.getByTestId('connection-status')
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 20_000 }).toBe('live')

    // The server stops; the page notices and says so.
    const port = Number(new URL(server.url).port)
    await server.close()
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 15_000 }).toBe('offline')

    // A note typed while offline is kept and reported as not yet sent; the board keeps it in the
    // page (not on the device), so it asks for the page to stay open.
    await addNoteUnder(page, 'Next steps', 'Sam drives Kai on Mondays')
    await expect.poll(() => status.innerText(), { timeout: 5_000 }).toBe('Offline — keep this page open: your changes will be sent when you reconnect')

    // The server comes back on the same port and data; the page reconnects without a reload.
    server = await startServer({ dataDir, port })
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 30_000 }).toBe('live')

    const observer = connectPeer({ url: server.url, meetingId, token: worker.apiKey })
    try {
      await observer.synced()
      // The note and its text may reach the server as separate updates: wait for the finished note.
      await waitFor(() => readMap(observer.doc).sections['next-steps'][0]?.text === 'Sam drives Kai on Mondays', { timeoutMs: 10_000, what: 'the offline note on the server' })
      expect(readMap(observer.doc).sections['next-steps']).toEqual([expect.objectContaining({ text: 'Sam drives Kai on Mondays', authorName: 'Ana Ruiz' })])
    } finally {
      observer.destroy()
    }
    await context.close()
  })

  it('brings every phone on the list back to live within 8 s of the server listening again', async () => {
    await workerWithPassword(server, 'ana.phones@example.org', 'Ana Ruiz')
    const { context } = await recordingContext(browser)
    const signIn = await context.newPage()
    const meetingId = await openNewMeeting(signIn, server.url, 'ana.phones@example.org', 'Phones after a restart')
    // Five phones on the list (signed in as Ana): the retry waits are random, so one phone may be
    // lucky; all five are back in time only when no wait grows long.
    const session = await context.storageState()
    await context.close()
    const phones = await Promise.all(Array.from({ length: 5 }, () => browser.newContext({ ...devices['Pixel 7'], storageState: session })))
    const pages = await Promise.all(phones.map((phone) => phone.newPage()))
    const states = () => Promise.all(pages.map((page) => page.getByTestId('connection-status').getAttribute('data-state')))
    try {
      await Promise.all(pages.map((page) => page.goto(`${server.url}/m/${meetingId}/list`)))
      await expect.poll(states, { timeout: 20_000 }).toEqual(Array(5).fill('live'))

      const port = Number(new URL(server.url).port)
      await server.close()
      await expect.poll(states, { timeout: 15_000 }).toEqual(Array(5).fill('offline'))
      // A restart or a Wi-Fi drop of about a dozen seconds.
      await new Promise((resolve) => setTimeout(resolve, 12_000))
      server = await startServer({ dataDir, port })
      const listening = Date.now()
      await expect.poll(states, { timeout: 8_000, interval: 100 }).toEqual(Array(5).fill('live'))
      expect(Date.now() - listening).toBeLessThanOrEqual(8_000)
    } finally {
      await Promise.all(phones.map((phone) => phone.close()))
    }
  })
})
