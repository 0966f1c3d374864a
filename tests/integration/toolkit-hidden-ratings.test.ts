/**
 * Hidden-until-reveal scaling at the protocol level, through the real relay (map-model MM-22 …
 * MM-24): while a scale is private, a rating goes to the server out of band and another client's
 * Y.Doc holds only "has rated" markers — neither the number nor the reasons are anywhere in its
 * encoded state — and the facilitator's reveal brings every mark to everyone at once. A modified
 * client that writes its mark straight into the doc on a private scale is refused by the relay.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addDangerStatement, OVERALL_SCALE_ID, readHiddenScales, readMap, RATED_MARKER_SHAPE_TYPE, readRecordMap, writeScalingMark } from '@safetymap/map-model'
import { countHiddenRaters } from '../../apps/web/src/access/countHiddenRaters.ts'
import { oneLine, pdfText } from '../../server/src/export/exportTestKit.ts'
import type { TestServer } from '../helpers/servers.ts'
import { useServers, usePeers } from '../helpers/useServers.ts'
import { api, connectPeer, createMeeting, joinByInvite } from '../helpers/clients.ts'
import { waitFor } from '../helpers/waitFor.ts'

const start = useServers()
const peers = usePeers()
let server: TestServer

beforeAll(async () => {
  server = await start()
})

const LORNA_REASON = 'Lorna walks Kai to school xq7'
const LORNA_HIGHER = 'Sam joins the morning chat zr3'
const SAM_REASON = 'Jess called the doctor kp9'

const ratingsUrl = (meetingId: string, scaleId: string) => `/api/meetings/${meetingId}/ratings/${encodeURIComponent(scaleId)}`

/** Whether `needle` occurs in the bytes of the doc's full encoded state. */
function stateContains(doc: Y.Doc, needle: string): boolean {
  return Buffer.from(Y.encodeStateAsUpdate(doc)).includes(Buffer.from(needle, 'utf8'))
}

const scalingMarks = (doc: Y.Doc) => readMap(doc).scales.flatMap((s) => s.marks)

describe('hidden ratings through the relay', () => {
  it('keeps private ratings out of every doc until the reveal, then shows all marks at once', async () => {
    const { apiKey, workerId } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Kai family meeting')
    const lorna = await joinByInvite(server.url, apiKey, meeting.id, 'Grandma Lorna')
    const sam = await joinByInvite(server.url, apiKey, meeting.id, 'Sam')
    const viewer = await joinByInvite(server.url, apiKey, meeting.id, 'Neighbour', 'viewer')
    const facilitator = connectPeer({ url: server.url, meetingId: meeting.id, token: apiKey })
    const lornaPeer = connectPeer({ url: server.url, meetingId: meeting.id, token: lorna.session })
    const samPeer = connectPeer({ url: server.url, meetingId: meeting.id, token: sam.session })
    peers.push(facilitator, lornaPeer, samPeer)
    await Promise.all([facilitator.synced(), lornaPeer.synced(), samPeer.synced()])

    const statement = addDangerStatement(facilitator.doc, {
      whoIsWorried: 'Grandma Lorna', behaviour: 'Jess stays in bed', situations: 'on low days', impactOnChild: 'Kai misses school', whoDisagrees: '',
    }, { id: workerId, name: 'Ana Ruiz' })
    await waitFor(() => readMap(samPeer.doc).dangerStatements.length === 1, { timeoutMs: 10_000, what: 'the statement everywhere' })

    // Before the scale is private, the out-of-band door is closed.
    const early = await api(server.url, ratingsUrl(meeting.id, statement), { method: 'PUT', token: lorna.session, body: { value: 5 } })
    expect(early.status).toBe(409)
    // Only a facilitator switches a scale to private; an unknown statement is refused.
    expect((await api(server.url, `${ratingsUrl(meeting.id, statement)}/privacy`, { method: 'PUT', token: lorna.session, body: { private: true } })).status).toBe(403)
    expect((await api(server.url, `${ratingsUrl(meeting.id, 'shape:nope')}/privacy`, { method: 'PUT', token: apiKey, body: { private: true } })).status).toBe(404)
    const priv = await api(server.url, `${ratingsUrl(meeting.id, statement)}/privacy`, { method: 'PUT', token: apiKey, body: { private: true } })
    expect(priv.status).toBe(200)
    await waitFor(() => readMap(samPeer.doc).hiddenScales.length === 1, { timeoutMs: 10_000, what: 'the private flag on Sam’s screen' })

    // Two people rate out of band; a viewer may not.
    const lornaRated = await api(server.url, ratingsUrl(meeting.id, statement), {
      method: 'PUT', token: lorna.session, body: { value: 7, whatMakesItThisHigh: LORNA_REASON, onePointHigher: LORNA_HIGHER },
    })
    expect(lornaRated.status).toBe(200)
    const samRated = await api(server.url, ratingsUrl(meeting.id, statement), {
      method: 'PUT', token: sam.session, body: { value: 3.5, whatMakesItThisHigh: SAM_REASON },
    })
    expect(samRated.status).toBe(200)
    expect((await api(server.url, ratingsUrl(meeting.id, statement), { method: 'PUT', token: viewer.session, body: { value: 1 } })).status).toBe(403)
    expect((await api(server.url, ratingsUrl(meeting.id, statement), { method: 'PUT', token: lorna.session, body: { value: 11 } })).status).toBe(400)

    // Everyone sees "has rated" for both — and nothing else.
    for (const peer of [facilitator, lornaPeer, samPeer]) {
      await waitFor(() => readMap(peer.doc).hiddenScales[0]?.rated.length === 2, { timeoutMs: 10_000, what: 'both markers' })
      const map = readMap(peer.doc)
      expect(map.hiddenScales[0]!.rated.map((r) => r.participantName)).toEqual(['Grandma Lorna', 'Sam'])
      expect(scalingMarks(peer.doc)).toEqual([])
      for (const secret of [LORNA_REASON, LORNA_HIGHER, SAM_REASON]) expect(stateContains(peer.doc, secret)).toBe(false)
      const markers = [...readRecordMap(peer.doc).values()].filter((r) => (r as { type?: string }).type === RATED_MARKER_SHAPE_TYPE) as { props: Record<string, unknown> }[]
      expect(markers).toHaveLength(2)
      for (const marker of markers) expect(Object.keys(marker.props).sort()).toEqual(['participantId', 'participantName', 'scaleId'])
    }
    // A late joiner loading the stored doc sees no value either.
    const late = connectPeer({ url: server.url, meetingId: meeting.id, token: apiKey })
    peers.push(late)
    await late.synced()
    await waitFor(() => readMap(late.doc).hiddenScales[0]?.rated.length === 2, { timeoutMs: 10_000, what: 'markers for the late joiner' })
    for (const secret of [LORNA_REASON, LORNA_HIGHER, SAM_REASON]) expect(stateContains(late.doc, secret)).toBe(false)

    // Each person can read back their own hidden rating, and only theirs.
    const mine = await api<{ rating: { value: number } | null }>(server.url, `${ratingsUrl(meeting.id, statement)}/mine`, { token: lorna.session })
    expect(mine.body.rating).toEqual({ value: 7, whatMakesItThisHigh: LORNA_REASON, onePointHigher: LORNA_HIGHER })
    expect((await api<{ rating: unknown }>(server.url, `${ratingsUrl(meeting.id, statement)}/mine`, { token: apiKey })).body.rating).toBeNull()

    // Only the facilitator reveals; then every doc holds every mark.
    expect((await api(server.url, `${ratingsUrl(meeting.id, statement)}/reveal`, { method: 'POST', token: sam.session })).status).toBe(403)
    const revealed = await api<{ revealed: number }>(server.url, `${ratingsUrl(meeting.id, statement)}/reveal`, { method: 'POST', token: apiKey })
    expect(revealed.status).toBe(200)
    expect(revealed.body.revealed).toBe(2)
    for (const peer of [facilitator, lornaPeer, samPeer, late]) {
      await waitFor(() => scalingMarks(peer.doc).length === 2, { timeoutMs: 10_000, what: 'both marks after the reveal' })
      const map = readMap(peer.doc)
      expect(map.hiddenScales).toEqual([])
      expect(map.scales).toEqual([
        expect.objectContaining({
          scaleId: statement,
          dangerStatementNumber: 1,
          marks: [
            expect.objectContaining({ participantId: lorna.participantId, participantName: 'Grandma Lorna', value: 7, whatMakesItThisHigh: LORNA_REASON, onePointHigher: LORNA_HIGHER }),
            expect.objectContaining({ participantId: sam.participantId, participantName: 'Sam', value: 3.5, whatMakesItThisHigh: SAM_REASON, onePointHigher: '' }),
          ],
        }),
      ])
      expect([...readRecordMap(peer.doc).values()].some((r) => (r as { type?: string }).type === RATED_MARKER_SHAPE_TYPE)).toBe(false)
    }
    // The scale is public again: the hidden door closes; a second reveal has nothing to show.
    expect((await api(server.url, ratingsUrl(meeting.id, statement), { method: 'PUT', token: lorna.session, body: { value: 2 } })).status).toBe(409)
    expect((await api(server.url, `${ratingsUrl(meeting.id, statement)}/reveal`, { method: 'POST', token: apiKey })).status).toBe(409)

    // The audit trail has ids only: no names, numbers or reasons.
    const trail = await api<{ entries: { action: string; subjectId: string | null; details: Record<string, unknown> }[] }>(server.url, `/api/meetings/${meeting.id}/audit`, { token: apiKey })
    expect(trail.status).toBe(200)
    const actions = trail.body.entries.map((e) => e.action)
    expect(actions.filter((a) => a === 'rating.submitted')).toHaveLength(2)
    expect(actions).toContain('rating.revealed')
    expect(actions).toContain('scale.privacy-changed')
    const text = JSON.stringify(trail.body)
    for (const secret of [LORNA_REASON, SAM_REASON, 'Grandma Lorna']) expect(text).not.toContain(secret)
  })

  it('making a scale public again reveals what was given, and a public mark gives way to the marker', async () => {
    const { apiKey, workerId } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Second meeting')
    const lorna = await joinByInvite(server.url, apiKey, meeting.id, 'Grandma Lorna')
    const lornaPeer = connectPeer({ url: server.url, meetingId: meeting.id, token: lorna.session })
    peers.push(lornaPeer)
    await lornaPeer.synced()
    const overall = ratingsUrl(meeting.id, OVERALL_SCALE_ID)
    expect((await api(server.url, `${overall}/privacy`, { method: 'PUT', token: apiKey, body: { private: true } })).status).toBe(200)
    const worker = await api(server.url, overall, { method: 'PUT', token: apiKey, body: { value: 6, whatMakesItThisHigh: 'facilitator reason w1' } })
    expect(worker.status).toBe(200)
    await waitFor(() => readMap(lornaPeer.doc).hiddenScales[0]?.rated.length === 1, { timeoutMs: 10_000, what: 'the facilitator marker' })
    expect(readMap(lornaPeer.doc).hiddenScales[0]!.rated[0]!.participantId).toBe(workerId)
    expect(stateContains(lornaPeer.doc, 'facilitator reason w1')).toBe(false)
    const off = await api<{ revealed: number }>(server.url, `${overall}/privacy`, { method: 'PUT', token: apiKey, body: { private: false } })
    expect(off.body.revealed).toBe(1)
    await waitFor(() => scalingMarks(lornaPeer.doc).length === 1, { timeoutMs: 10_000, what: 'the revealed mark' })
    expect(scalingMarks(lornaPeer.doc)[0]).toEqual(expect.objectContaining({ participantName: 'Ana Ruiz', value: 6 }))
  })
  it('a facilitator records a private number for someone at her side: stored and revealed under that person, her own untouched; nobody else may', async () => {
    const { apiKey, workerId } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Rating for someone else')
    const lorna = await joinByInvite(server.url, apiKey, meeting.id, 'Grandma Lorna')
    const sam = await joinByInvite(server.url, apiKey, meeting.id, 'Sam')
    const viewer = await joinByInvite(server.url, apiKey, meeting.id, 'Neighbour', 'viewer')
    const samPeer = connectPeer({ url: server.url, meetingId: meeting.id, token: sam.session })
    peers.push(samPeer)
    await samPeer.synced()
    const overall = ratingsUrl(meeting.id, OVERALL_SCALE_ID)
    expect((await api(server.url, `${overall}/privacy`, { method: 'PUT', token: apiKey, body: { private: true } })).status).toBe(200)

    // Ana gives her own number, then records Lorna's (Lorna has no phone).
    expect((await api(server.url, overall, { method: 'PUT', token: apiKey, body: { value: 2, whatMakesItThisHigh: 'Ana own reason a1' } })).status).toBe(200)
    const forLorna = await api(server.url, overall, {
      method: 'PUT', token: apiKey, body: { value: 8, whatMakesItThisHigh: LORNA_REASON, participantId: lorna.participantId },
    })
    expect(forLorna.status).toBe(200)
    const anaOwn = await api<{ rating: { value: number } | null }>(server.url, `${overall}/mine`, { token: apiKey })
    expect(anaOwn.body.rating).toEqual({ value: 2, whatMakesItThisHigh: 'Ana own reason a1', onePointHigher: '' })
    await waitFor(() => readMap(samPeer.doc).hiddenScales[0]?.rated.length === 2, { timeoutMs: 10_000, what: 'two markers on Sam’s screen' })
    expect(readMap(samPeer.doc).hiddenScales[0]!.rated.map((r) => [r.participantId, r.participantName])).toEqual([
      [workerId, 'Ana Ruiz'],
      [lorna.participantId, 'Grandma Lorna'],
    ])
    expect(stateContains(samPeer.doc, LORNA_REASON)).toBe(false)

    // Only a facilitator names someone else, and only someone who could rate in this meeting.
    const samForLorna = await api<{ code: string }>(server.url, overall, { method: 'PUT', token: sam.session, body: { value: 0, participantId: lorna.participantId } })
    expect([samForLorna.status, samForLorna.body.code]).toEqual([403, 'RATING_FOR_OTHERS_FACILITATOR_ONLY'])
    expect((await api(server.url, overall, { method: 'PUT', token: sam.session, body: { value: 5, participantId: sam.participantId } })).status).toBe(200)
    const forViewer = await api<{ code: string }>(server.url, overall, { method: 'PUT', token: apiKey, body: { value: 1, participantId: viewer.participantId } })
    expect([forViewer.status, forViewer.body.code]).toEqual([403, 'RATING_PERSON_CANNOT_RATE'])
    const forStranger = await api<{ code: string }>(server.url, overall, { method: 'PUT', token: apiKey, body: { value: 1, participantId: 'nobody-here' } })
    expect([forStranger.status, forStranger.body.code]).toEqual([404, 'PARTICIPANT_NOT_FOUND'])

    // The reveal puts Lorna's 8 under her name and leaves Ana's 2 as it was.
    expect((await api(server.url, `${overall}/reveal`, { method: 'POST', token: apiKey })).status).toBe(200)
    await waitFor(() => scalingMarks(samPeer.doc).length === 3, { timeoutMs: 10_000, what: 'the three revealed marks' })
    expect(scalingMarks(samPeer.doc).map((m) => [m.participantName, m.value]).sort()).toEqual([['Ana Ruiz', 2], ['Grandma Lorna', 8], ['Sam', 5]])
    expect(scalingMarks(samPeer.doc).find((m) => m.participantId === lorna.participantId)?.whatMakesItThisHigh).toBe(LORNA_REASON)

    // The trail says who recorded it for whom, by id only.
    const trail = await api<{ entries: { action: string; actor: { id: string }; subjectId: string | null; details: Record<string, unknown> }[] }>(server.url, `/api/meetings/${meeting.id}/audit`, { token: apiKey })
    expect(trail.body.entries.filter((e) => e.action === 'rating.recorded-for')).toEqual([
      expect.objectContaining({ actor: { kind: 'worker', id: workerId }, subjectId: lorna.participantId, details: { scaleId: OVERALL_SCALE_ID } }),
    ])
    for (const secret of [LORNA_REASON, 'Grandma Lorna']) expect(JSON.stringify(trail.body)).not.toContain(secret)

    // A finalized map takes no number, for anyone.
    expect((await api(server.url, `${overall}/privacy`, { method: 'PUT', token: apiKey, body: { private: true } })).status).toBe(200)
    expect((await api(server.url, `/api/meetings/${meeting.id}/finalize`, { method: 'POST', token: apiKey })).status).toBe(200)
    expect((await api(server.url, overall, { method: 'PUT', token: apiKey, body: { value: 3, participantId: lorna.participantId } })).status).toBe(409)
  })

  it('a number given in the open before the line went private is counted as rated: warned before finishing, named in the record, shown at the reveal', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Fourth meeting')
    const lorna = await joinByInvite(server.url, apiKey, meeting.id, 'Grandma Lorna')
    const facilitator = connectPeer({ url: server.url, meetingId: meeting.id, token: apiKey })
    const lornaPeer = connectPeer({ url: server.url, meetingId: meeting.id, token: lorna.session })
    peers.push(facilitator, lornaPeer)
    await Promise.all([facilitator.synced(), lornaPeer.synced()])
    const reason = 'Lorna open reason hn5'
    writeScalingMark(lornaPeer.doc, { scaleId: OVERALL_SCALE_ID, participant: { id: lorna.participantId, name: 'Grandma Lorna' }, value: 6, reasons: { whatMakesItThisHigh: reason, onePointHigher: '' } })
    await waitFor(() => scalingMarks(facilitator.doc).length === 1, { timeoutMs: 10_000, what: 'Lorna’s open mark at the facilitator' })
    const overall = ratingsUrl(meeting.id, OVERALL_SCALE_ID)
    expect((await api(server.url, `${overall}/privacy`, { method: 'PUT', token: apiKey, body: { private: true } })).status).toBe(200)
    await waitFor(() => readMap(facilitator.doc).hiddenScales.length === 1, { timeoutMs: 10_000, what: 'the private flag on the board' })

    // The board's "Finish the map?" counts the people whose number on a private line is not shown.
    expect(countHiddenRaters(readHiddenScales(facilitator.doc))).toBe(1)
    expect((await api(server.url, `/api/meetings/${meeting.id}/finalize`, { method: 'POST', token: apiKey })).status).toBe(200)
    const json = await api<{ scales: { scaleId: string; marks: unknown[]; privateRatedBy: unknown }[] }>(server.url, `/api/meetings/${meeting.id}/export?format=json`, { token: apiKey })
    expect(json.body.scales).toEqual([expect.objectContaining({ scaleId: OVERALL_SCALE_ID, marks: [], privateRatedBy: [{ id: lorna.participantId, name: 'Grandma Lorna' }] })])
    const pdf = await fetch(`${server.url}/api/meetings/${meeting.id}/export?format=pdf`, { headers: { authorization: `Bearer ${apiKey}` } })
    expect(oneLine(pdfText(Buffer.from(await pdf.arrayBuffer())))).toContain('Never revealed: 1 person rated it (Grandma Lorna).')

    // Reopened and shown, her number is back on the line with its reason.
    expect((await api(server.url, `/api/meetings/${meeting.id}/reopen`, { method: 'POST', token: apiKey })).status).toBe(200)
    expect((await api(server.url, `${overall}/reveal`, { method: 'POST', token: apiKey })).status).toBe(200)
    await waitFor(() => readMap(facilitator.doc).hiddenScales.length === 0, { timeoutMs: 10_000, what: 'the line public again on the board' })
    expect(scalingMarks(facilitator.doc)).toEqual([expect.objectContaining({ participantName: 'Grandma Lorna', value: 6, whatMakesItThisHigh: reason })])
  })

  it('refuses a client that writes its mark into the doc on a private scale, so nobody else receives the number', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Third meeting')
    const lorna = await joinByInvite(server.url, apiKey, meeting.id, 'Grandma Lorna')
    const sam = await joinByInvite(server.url, apiKey, meeting.id, 'Sam')
    const lornaPeer = connectPeer({ url: server.url, meetingId: meeting.id, token: lorna.session })
    const samPeer = connectPeer({ url: server.url, meetingId: meeting.id, token: sam.session })
    peers.push(lornaPeer, samPeer)
    await Promise.all([lornaPeer.synced(), samPeer.synced()])
    const closes: number[] = []
    lornaPeer.provider.on('connection-close', (event) => closes.push(event?.code ?? 0))
    expect((await api(server.url, `${ratingsUrl(meeting.id, OVERALL_SCALE_ID)}/privacy`, { method: 'PUT', token: apiKey, body: { private: true } })).status).toBe(200)
    await waitFor(() => readMap(lornaPeer.doc).hiddenScales.length === 1, { timeoutMs: 10_000, what: 'the private flag on Lorna’s screen' })

    // Lorna's client skips the out-of-band door and writes her mark into the shared doc.
    const secret = 'Lorna leaked reason vb8'
    writeScalingMark(lornaPeer.doc, { scaleId: OVERALL_SCALE_ID, participant: { id: lorna.participantId, name: 'Grandma Lorna' }, value: 9, reasons: { whatMakesItThisHigh: secret, onePointHigher: '' } })
    await waitFor(() => closes.includes(4422), { timeoutMs: 10_000, what: 'the relay refusing the update' })
    lornaPeer.provider.disconnect()

    // A mark on a scale that is not private still goes through, so Sam's doc is live and current.
    const statement = addDangerStatement(samPeer.doc, {
      whoIsWorried: 'Sam', behaviour: 'Jess stays in bed', situations: '', impactOnChild: 'Kai misses school', whoDisagrees: '',
    }, { id: sam.participantId, name: 'Sam' })
    writeScalingMark(samPeer.doc, { scaleId: statement, participant: { id: sam.participantId, name: 'Sam' }, value: 4, reasons: { whatMakesItThisHigh: 'public sam reason', onePointHigher: '' } })
    const facilitator = connectPeer({ url: server.url, meetingId: meeting.id, token: apiKey })
    peers.push(facilitator)
    await facilitator.synced()
    await waitFor(() => scalingMarks(facilitator.doc).length === 1, { timeoutMs: 10_000, what: 'Sam’s public mark at the facilitator' })
    for (const peer of [samPeer, facilitator]) {
      expect(stateContains(peer.doc, secret)).toBe(false)
      expect(scalingMarks(peer.doc).map((m) => m.participantName)).toEqual(['Sam'])
    }
    // The facilitator may not write one either: private means private for everyone.
    const facilitatorCloses: number[] = []
    facilitator.provider.on('connection-close', (event) => facilitatorCloses.push(event?.code ?? 0))
    writeScalingMark(facilitator.doc, { scaleId: OVERALL_SCALE_ID, participant: { id: 'worker', name: 'Ana Ruiz' }, value: 2, reasons: { whatMakesItThisHigh: 'facilitator leak qq4', onePointHigher: '' } })
    await waitFor(() => facilitatorCloses.includes(4422), { timeoutMs: 10_000, what: 'the relay refusing the facilitator' })
    facilitator.provider.disconnect()
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(stateContains(samPeer.doc, 'facilitator leak qq4')).toBe(false)
  })
})
