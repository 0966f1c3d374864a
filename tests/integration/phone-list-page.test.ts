/**
 * The phone view's page with the map written in by the server (issue 7): `GET /m/:id/list` with a
 * member's session cookie holds the map's items (HTML-escaped), the public numbers with their
 * reasons, headings in the person's language, and never a private number, its reasons or a
 * restricted note; it is never cached. Without a cookie, or as someone outside the meeting, the
 * page is the built one, untouched. A small stand-in for the built app (the real catalogues) keeps
 * this test off the web build.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addDangerStatement, addItem, OVERALL_SCALE_ID, readMap, readRecordMap, RECORDS_ARRAY_NAME, writeScalingMark, zoneLabel } from '@safetymap/map-model'
import { en } from '../../apps/web/src/i18n/catalogues/en.ts'
import { es } from '../../apps/web/src/i18n/catalogues/es.ts'
import { startServer, type TestServer } from '../helpers/servers.ts'
import { api, connectPeer, createMeeting, joinByInvite, type Peer } from '../helpers/clients.ts'
import { waitFor } from '../helpers/waitFor.ts'

const LIST_HTML = '<!doctype html>\n<html lang="en">\n  <head>\n    <title>SafetyMap</title>\n  </head>\n  <body>\n    <div id="root"></div>\n  </body>\n</html>\n'

let server: TestServer
const peers: Peer[] = []

beforeAll(async () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'safetymap-dist-'))
  writeFileSync(path.join(dist, 'index.html'), LIST_HTML)
  writeFileSync(path.join(dist, 'list.html'), LIST_HTML)
  writeFileSync(path.join(dist, 'catalogues.json'), JSON.stringify({ en, es }))
  server = await startServer({ env: { WEB_DIST_DIR: dist } })
})
afterAll(async () => {
  for (const peer of peers) peer.destroy()
  await server.close()
})

const NOTE = 'Kai <b>walks</b> to school & back with "Sam" $\' $&'
const PUBLIC_REASON = 'Lorna is close by mq4'
const PRIVATE_REASON = 'Jess saw the doctor zk8'
const RESTRICTED = 'methadone clinic on Fifth Street'

async function page(meetingId: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/m/${meetingId}/list`, { headers })
  return { status: res.status, cacheControl: res.headers.get('cache-control'), html: await res.text() }
}

describe('files the build did not make', () => {
  it('are missing (404), not the app’s page, while client-side routes still get the page', async () => {
    const missing = await fetch(`${server.url}/assets/index-made-after-start.js`)
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).not.toMatch(/html/)
    const route = await fetch(`${server.url}/some/client/route`)
    expect(route.status).toBe(200)
    expect(await route.text()).toBe(LIST_HTML)
  })
})

describe('the phone list written into its page', () => {
  it('shows a member what the live list would, escaped and never cached, and nothing to anyone else', async () => {
    const { apiKey, workerId } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Kai family meeting')
    const lorna = await joinByInvite(server.url, apiKey, meeting.id, 'Grandma Lorna')
    const facilitator = connectPeer({ url: server.url, meetingId: meeting.id, token: apiKey })
    const restricted = connectPeer({ url: server.url, meetingId: `${meeting.id}/restricted`, token: apiKey })
    peers.push(facilitator, restricted)
    await Promise.all([facilitator.synced(), restricted.synced()])

    const ana = { id: workerId, name: 'Ana Ruiz' }
    addItem(facilitator.doc, 'strengths', NOTE, ana)
    writeScalingMark(facilitator.doc, { scaleId: OVERALL_SCALE_ID, participant: ana, value: 6.5, reasons: { whatMakesItThisHigh: PUBLIC_REASON, onePointHigher: '' } })
    const statement = addDangerStatement(facilitator.doc, { whoIsWorried: 'the school', behaviour: 'Jess stays in bed', situations: 'on low days', impactOnChild: 'Kai misses school', whoDisagrees: '' }, ana)
    // A private line: Lorna's number and reason go to the server, the doc holds only "has rated".
    const privacy = await api(server.url, `/api/meetings/${meeting.id}/ratings/${encodeURIComponent(statement)}/privacy`, { method: 'PUT', token: apiKey, body: { private: true } })
    expect(privacy.status).toBe(200)
    const rated = await api(server.url, `/api/meetings/${meeting.id}/ratings/${encodeURIComponent(statement)}`, { method: 'PUT', token: lorna.session, body: { value: 9, whatMakesItThisHigh: PRIVATE_REASON } })
    expect(rated.status).toBe(200)
    // A restricted note lives in the workers' own doc.
    const scratch = new Y.Doc()
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(facilitator.doc))
    const secretId = addItem(scratch, 'harm', RESTRICTED, ana)
    restricted.doc.getArray(RECORDS_ARRAY_NAME).push([{ key: secretId, val: readRecordMap(scratch).get(secretId) }])
    scratch.destroy()
    await waitFor(async () => {
      const state = await server.services.relay.readDocState(meeting.id)
      if (!state) return false
      const doc = new Y.Doc()
      Y.applyUpdate(doc, state)
      const map = readMap(doc)
      doc.destroy()
      return map.sections.strengths.length === 1 && map.hiddenScales[0]?.rated.length === 1
    }, { timeoutMs: 10_000, what: 'the note and the rated marker in the relay' })

    const cookie = `sm_session=${lorna.session}`
    const member = await page(meeting.id, { cookie, 'accept-language': 'en-US,en;q=0.9' })
    expect(member.status).toBe(200)
    expect(member.cacheControl).toBe('no-store')
    expect(member.html).toContain('<div id="root" hidden></div><div id="phone-prerender" data-state-vector="')
    expect(member.html).toContain('Kai &lt;b&gt;walks&lt;/b&gt; to school &amp; back with &quot;Sam&quot; $&#39; $&amp;')
    expect(member.html).not.toContain('<b>walks</b>')
    expect(member.html).toContain('Written by Ana Ruiz')
    expect(member.html).toContain('What’s working well?')
    expect(member.html).toContain(PUBLIC_REASON)
    expect(member.html).toContain('6.5')
    expect(member.html).toContain('You have given your number')
    expect(member.html).not.toContain(PRIVATE_REASON)
    expect(member.html).not.toContain('methadone')
    expect(member.html).toContain('<title>Kai family meeting · SafetyMap</title>')

    // The person's language: their saved choice, else the browser's.
    const spanish = await page(meeting.id, { cookie: `${cookie}; sm_locale=es`, 'accept-language': 'en-US' })
    expect(spanish.html).toContain('<html lang="es">')
    expect(spanish.html).toContain(zoneLabel('working-well', 'es'))
    expect(spanish.html).toContain('6,5')
    expect((await page(meeting.id, { cookie, 'accept-language': 'es-MX,es;q=0.9' })).html).toContain(es['phone.by'].replace('{name}', 'Ana Ruiz'))

    // Signed out, a member of another meeting, a made-up session: the built page as it is.
    const stranger = await joinByInvite(server.url, apiKey, (await createMeeting(server.url, apiKey, 'Other')).id, 'Stranger')
    const outsiders: Record<string, string>[] = [{}, { cookie: `sm_session=${stranger.session}` }, { cookie: 'sm_session=forged' }]
    for (const outsider of outsiders) {
      const plain = await page(meeting.id, outsider)
      expect(plain.status).toBe(200)
      expect(plain.html).toBe(LIST_HTML)
      expect(plain.cacheControl).toBe('no-cache')
    }
  })

  it('writes the list for each person a few times a minute only, then sends the plain page', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Reloads')
    const [jess, sam] = [await joinByInvite(server.url, apiKey, meeting.id, 'Jess'), await joinByInvite(server.url, apiKey, meeting.id, 'Sam')]
    const written = async (session: string) => (await page(meeting.id, { cookie: `sm_session=${session}` })).html.includes('id="phone-prerender"')
    const jessPages: boolean[] = []
    for (let i = 0; i < 14; i++) jessPages.push(await written(jess.session))
    // A burst of ten (reloads on a flaky network), then the page the live list fills in by itself.
    expect(jessPages.filter(Boolean)).toHaveLength(10)
    expect(jessPages.slice(10)).toEqual([false, false, false, false])
    expect(await written(sam.session), 'another person keeps their own budget').toBe(true)
  })
})
