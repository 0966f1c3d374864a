/**
 * The phone view's page with the map written in by the server (issue 7): `GET /m/:id/list` with a
 * member's session cookie holds the map's items (HTML-escaped), the public numbers with their
 * reasons, headings in the person's language, and never a private number, its reasons or a
 * restricted note; it is never cached. Without a cookie, or as someone outside the meeting, the
 * page is the built one, untouched. Templates placed beside the map follow the rating band as the
 * live list shows them: each zone under the child's own name for it or the template's words, the
 * child's agreement to share on their words, the Safety House path's marks, what 0 and 10 mean
 * where the facilitator worded them, and an "Add to …" only for those who may add. A small
 * stand-in for the built app (the real catalogues) keeps this test off the web build.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addDangerStatement,
  addItem,
  addFamilyMember,
  addTemplateItem,
  OVERALL_SCALE_ID,
  placeTemplate,
  readMap,
  readRecordMap,
  RECORDS_ARRAY_NAME,
  recordWordingAgreed,
  renameTemplateZone,
  safetyHousePathScaleId,
  setScaleEnds,
  writeScalingMark,
  zoneLabel,
} from '@safetymap/map-model'
import { escapeHtml } from '../../server/src/http/phoneListHtml.ts'
import { arrowRecords } from '../../packages/map-model/src/test/fixtures.ts'
import { en } from '../../apps/web/src/i18n/catalogues/en.ts'
import { es } from '../../apps/web/src/i18n/catalogues/es.ts'
import type { TestServer } from '../helpers/servers.ts'
import { useServers, usePeers } from '../helpers/useServers.ts'
import { api, connectPeer, createMeeting, joinByInvite } from '../helpers/clients.ts'
import { waitFor } from '../helpers/waitFor.ts'

const LIST_HTML = '<!doctype html>\n<html lang="en">\n  <head>\n    <title>SafetyMap</title>\n  </head>\n  <body>\n    <div id="root"></div>\n  </body>\n</html>\n'

const start = useServers()
const peers = usePeers()
let server: TestServer

beforeAll(async () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'safetymap-dist-'))
  writeFileSync(path.join(dist, 'index.html'), LIST_HTML)
  writeFileSync(path.join(dist, 'list.html'), LIST_HTML)
  writeFileSync(path.join(dist, 'catalogues.json'), JSON.stringify({ en, es }))
  server = await start({ env: { WEB_DIST_DIR: dist } })
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

  it('heads a wellbeing map’s sections in its own words, as the board does', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const res = await api<{ id: string }>(server.url, '/api/meetings', { token: apiKey, body: { title: 'Wellbeing', locale: 'en', template: 'wellbeing' } })
    expect(res.status).toBe(201)
    const lorna = await joinByInvite(server.url, apiKey, res.body.id, 'Grandma Lorna')
    const { html } = await page(res.body.id, { cookie: `sm_session=${lorna.session}`, 'accept-language': 'en' })
    expect(html).toContain('>Worry statements</h3>')
    expect(html).toContain('>Wellbeing goals</h3>')
    expect(html).not.toContain('>Danger statements</h3>')
  })

  it('writes the templates placed beside the map after the rating band, as the live list shows them', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Templates')
    const lorna = await joinByInvite(server.url, apiKey, meeting.id, 'Grandma Lorna')
    const sam = await joinByInvite(server.url, apiKey, meeting.id, 'Sam', 'viewer')
    // The child's name for a house is kept verbatim, so it is escaped like any other words.
    const childsHouse = 'the <sad> house & "me"'
    await server.services.relay.applyServerChange(meeting.id, (doc) => {
      const kai = { id: 'p-kai', name: 'Kai' }
      const houses = placeTemplate(doc, 'three-houses', { parentConsent: { givenBy: 'Jess <mum>', recordedBy: { id: 'w-ana', name: 'Ana Ruiz' }, at: new Date() } }).placementId
      renameTemplateZone(doc, houses, 'house-worries', childsHouse)
      addTemplateItem(doc, houses, 'house-worries', 'when dad shouts qv3', kai, { childAgreed: true })
      addTemplateItem(doc, houses, 'house-good-things', 'football with nan qv4', kai)
      const path = safetyHousePathScaleId(placeTemplate(doc, 'safety-house').placementId)
      writeScalingMark(doc, { scaleId: path, participant: kai, value: 8, reasons: { whatMakesItThisHigh: 'nan is at the door qv5', onePointHigher: '' } })
      // What 0 and 10 mean, in the facilitator's words: on the path, and on the overall line with 0 left blank.
      setScaleEnds(doc, path, { zero: 'I feel really <scared>', ten: 'I feel totally safe & "home"' })
      setScaleEnds(doc, OVERALL_SCALE_ID, { zero: '', ten: 'Everyone is sure Kai is safe qv7' })
      addTemplateItem(doc, placeTemplate(doc, 'circles').placementId, 'circle-close', 'Aunt May qv6', { id: 'p-ana', name: 'Ana Ruiz' })
    })
    const { html } = await page(meeting.id, { cookie: `sm_session=${lorna.session}`, 'accept-language': 'en' })
    const between = (start: string, end: string) => {
      const at = html.indexOf(start)
      expect(at, start).toBeGreaterThan(-1)
      return html.slice(at, html.indexOf(end, at))
    }
    const template = (id: string) => between(`data-template="${id}"`, '</section></section>')
    const zone = (key: string) => between(`<section class="phone-section" data-section="${key}"`, '</section>')

    // The parent's consent to Three Houses shows under its name, as on the board.
    expect(template('three-houses')).toContain('<p class="phone-hint">A parent agreed: Jess &lt;mum&gt;</p>')
    // After the rating band, in the order they sit on the board, each under its name.
    const order = ['data-section="scale"', 'data-template="three-houses"', 'data-template="safety-house"', 'data-template="circles"'].map((a) => html.indexOf(a))
    expect(order.map((at) => at > -1)).toEqual([true, true, true, true])
    expect(order).toEqual([...order].sort((a, b) => a - b))
    const houses = template('three-houses')
    expect(houses).toContain('<h2 class="phone-column-heading">Three Houses</h2>')
    // The child's name for a house instead of the usual one; the others keep theirs.
    expect(houses).toContain(`<h3 class="phone-section-heading">${escapeHtml(childsHouse)}</h3>`)
    expect(houses).not.toContain('<b>')
    expect(houses).toContain(`<h3 class="phone-section-heading">${zoneLabel('house-good-things', 'en')}</h3>`)
    expect(houses).toContain(`<h3 class="phone-section-heading">${zoneLabel('house-hopes-dreams', 'en')}</h3>`)
    // All of the child's words show; the ones they agreed to share say so.
    expect(zone('house-worries')).toMatch(/when dad shouts qv3<\/p><p class="phone-byline"><span>Written by Kai<\/span><span class="phone-tag">The child agreed to share this<\/span>/)
    expect(zone('house-good-things')).toContain('football with nan qv4')
    expect(html.split('The child agreed to share this')).toHaveLength(2)
    // The child's houses hold only the child's words: no "Add to …", and it says why.
    expect(houses).not.toContain('phone-add')
    expect(houses).toContain('<p class="phone-hint">Only the child’s own words go in these houses.')
    // Elsewhere "Add to …" is in its place, inert, named as the person sees the zone.
    expect(template('safety-house')).toContain(`<div class="phone-add" data-section="safety-house-rules" inert><button type="button" class="phone-add-open">Add to “${zoneLabel('safety-house-rules', 'en')}”</button></div>`)

    // The path to the door: Kai's number and words, read-only.
    const path = zone('safety-house-path')
    expect(template('safety-house')).toContain('<h2 class="phone-column-heading">Safety House</h2>')
    expect(path).toContain(`<h3 class="phone-section-heading">${zoneLabel('safety-house-path', 'en')}</h3>`)
    expect(path).toMatch(/<div class="phone-scales">.*<span>Kai<\/span><span class="phone-mark-value">8<\/span>.*nan is at the door qv5/)
    expect(path).not.toContain('Give your number')
    // Above the path's line, what its ends mean in the facilitator's words, escaped; on the overall line only the end worded.
    expect(path).toContain(`<div class="phone-scales"><p class="phone-hint">0 = I feel really &lt;scared&gt; · 10 = I feel totally safe &amp; &quot;home&quot;</p><div class="phone-track"`)
    expect(between('data-section="scale"', '</section>')).toContain('<p class="phone-hint">10 = Everyone is sure Kai is safe qv7</p><div class="phone-track"')
    // The circles: the people in each ring.
    expect(template('circles')).toContain('<h2 class="phone-column-heading">Circles of safety and support</h2>')
    expect(zone('circle-close')).toContain('Aunt May qv6')

    const spanish = (await page(meeting.id, { cookie: `sm_session=${lorna.session}; sm_locale=es` })).html
    expect(spanish).toContain(`<h2 class="phone-column-heading">${es['phone.template.three-houses']}</h2>`)
    expect(spanish).toContain(`<h3 class="phone-section-heading">${zoneLabel('house-good-things', 'es')}</h3>`)
    expect(spanish).toContain(`<span class="phone-tag">${es['phone.childAgreed']}</span>`)
    expect(spanish).toContain(`<p class="phone-hint">${es['toolkit.ends.shownTen'].replace('{text}', 'Everyone is sure Kai is safe qv7')}</p>`)

    // Someone who may only look sees it all, with nothing to add.
    const viewer = (await page(meeting.id, { cookie: `sm_session=${sam.session}` })).html
    expect(viewer).toContain('when dad shouts qv3')
    expect(viewer).not.toContain('phone-add')
  })

  it('says under a words and pictures story whether the parents agreed to its words, as the live list does (MM-36)', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Story')
    const jess = await joinByInvite(server.url, apiKey, meeting.id, 'Jess')
    let placementId = ''
    await server.services.relay.applyServerChange(meeting.id, (doc) => {
      placementId = placeTemplate(doc, 'words-and-pictures').placementId
      addTemplateItem(doc, placementId, 'story-what-happened', 'Mum fell asleep qv8', { id: 'p-jess', name: 'Jess' })
    })
    const story = async () => {
      const { html } = await page(meeting.id, { cookie: `sm_session=${jess.session}; sm_locale=es` })
      const at = html.indexOf('data-template="words-and-pictures"')
      expect(at).toBeGreaterThan(-1)
      return html.slice(at, html.indexOf('data-section="story-title"', at))
    }
    expect(await story()).toContain(`<p class="phone-hint">${es['phone.story.draft']}</p>`)
    await server.services.relay.applyServerChange(meeting.id, (doc) => {
      recordWordingAgreed(doc, placementId, { givenBy: 'Jess <mum>', recordedBy: { id: 'w-ana', name: 'Ana Ruiz' }, at: new Date() })
    })
    expect(await story()).toContain(`<p class="phone-hint">${es['phone.story.agreed'].replace('{name}', 'Jess &lt;mum&gt;')}</p>`)
  })

  it('lists a family and network diagram’s lines as sentences under its people, escaped, as the live list does (MM-37)', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Network')
    const jess = await joinByInvite(server.url, apiKey, meeting.id, 'Jess')
    await server.services.relay.applyServerChange(meeting.id, (doc) => {
      const { placementId } = placeTemplate(doc, 'ecomap')
      const kai = addTemplateItem(doc, placementId, 'ecomap-network', 'Kai', { id: 'p-jess', name: 'Jess' })
      const lorna = addTemplateItem(doc, placementId, 'ecomap-network', 'Abuela <Lorna>', { id: 'p-jess', name: 'Jess' })
      const line = arrowRecords({ id: 'shape:kai-lorna', fromId: kai, toId: lorna, meta: { tie: 'strong' } })
      doc.getArray(RECORDS_ARRAY_NAME).push(line.map((val) => ({ key: val.id, val })))
    })
    const { html } = await page(meeting.id, { cookie: `sm_session=${jess.session}; sm_locale=es` })
    const at = html.indexOf('data-template="ecomap"')
    expect(at).toBeGreaterThan(-1)
    expect(html.slice(at)).toContain(`<h3 class="phone-section-heading">${es['phone.ecomap.ties']}</h3><ul class="phone-items"><li class="phone-item"><p class="phone-item-text">Kai — Abuela &lt;Lorna&gt;: relación fuerte</p></li></ul>`)
  })

  it('says a family tree’s people and the lines between them as sentences in Spanish, escaped, as the live list does (MM-39)', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Family')
    const jess = await joinByInvite(server.url, apiKey, meeting.id, 'Jess')
    await server.services.relay.applyServerChange(meeting.id, (doc) => {
      const { placementId } = placeTemplate(doc, 'family-tree')
      const ana = { id: 'w-ana', name: 'Ana Ruiz' }
      const mum = addFamilyMember(doc, placementId, { name: 'Jess <mum>', age: 34, gender: 'woman' }, ana)
      const sam = addFamilyMember(doc, placementId, { name: 'Sam', age: null, gender: 'man' }, ana)
      const line = arrowRecords({ id: 'shape:jess-sam', fromId: mum, toId: sam, meta: { tie: 'separated' } })
      doc.getArray(RECORDS_ARRAY_NAME).push(line.map((val) => ({ key: val.id, val })))
    })
    const { html } = await page(meeting.id, { cookie: `sm_session=${jess.session}; sm_locale=es` })
    const at = html.indexOf('data-template="family-tree"')
    expect(at).toBeGreaterThan(-1)
    const item = (text: string) => `<li class="phone-item"><p class="phone-item-text">${text}</p></li>`
    expect(html.slice(at)).toContain(
      `<h3 class="phone-section-heading">${es['phone.familyTree.people']}</h3><ul class="phone-items">${item('Jess &lt;mum&gt; (mujer, 34 años)')}${item('Sam (hombre)')}</ul>`,
    )
    expect(html.slice(at)).toContain(
      `<h3 class="phone-section-heading">${es['phone.familyTree.relationships']}</h3><ul class="phone-items">${item('Jess &lt;mum&gt; (mujer, 34 años) — Sam (hombre): separados')}</ul>`,
    )
  })
})
