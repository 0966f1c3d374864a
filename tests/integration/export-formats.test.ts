/**
 * The case-file export end to end over HTTP: a map with Spanish and Vietnamese text built through
 * map-model in the relay's authoritative doc, with meeting details entered through the API and a
 * Three Houses and circles placed, exported as PDF, family PDF, DOCX and JSON. Checks the text with
 * pdftotext and by unzipping the DOCX, the JSON against docs/export-schema.json, PDF/A metadata
 * and embedded fonts (no PDF/A validator is installable from the registries these machines reach),
 * the SHA-256 header, the audit entries, reproducibility of a finalized version (JSON and DOCX
 * byte-identical), restricted items and the child's unshared words, who may export, and an
 * English meeting's family copy made in Spanish. The agency is in California (TIME_ZONE): the
 * record and the family copy print Pacific time, named; the JSON keeps UTC.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { strFromU8, unzipSync } from 'fflate'
import {
  addDangerStatement,
  addDisagreement,
  addItem,
  addNextStep,
  addSafetyGoal,
  addTemplateItem,
  linkParticipant,
  placeTemplate,
  renameTemplateZone,
  safetyHousePathScaleId,
  setScaleEnds,
  writeScalingMark,
  OVERALL_SCALE_ID,
  RECORDS_ARRAY_NAME,
  type SectionKey,
} from '@safetymap/map-model'
import type { TestServer } from '../helpers/servers.ts'
import { docxText, exportSchemaValidator, normalize } from '../helpers/exportFiles.ts'
import { useServers } from '../helpers/useServers.ts'
import { api, createMeeting, joinByInvite } from '../helpers/clients.ts'

const start = useServers()
let server: TestServer
let apiKey: string
let meetingId: string
const clock = Date.parse('2026-11-25T10:00:00Z')
const tmp = mkdtempSync(path.join(tmpdir(), 'safetymap-export-'))

const CONTENT: { section: SectionKey; text: string; author: { id: string; name: string } }[] = [
  { section: 'harm', text: 'Kai llegó a la escuela con un moretón en el brazo', author: { id: 'p-jose', name: 'José Nguyễn' } },
  { section: 'danger', text: 'Los trabajadores temen que Kai se lastime si nadie lo cuida por la noche', author: { id: 'p-ana', name: 'Ana Ruiz' } },
  { section: 'complicating', text: 'Bà ngoại không nói tiếng Anh; cần thông dịch viên', author: { id: 'p-thu', name: 'Trần Thị Thu' } },
  { section: 'strengths', text: 'La abuela Nguyễn recoge a Kai todos los días', author: { id: 'p-jose', name: 'José Nguyễn' } },
  { section: 'safety', text: 'The neighbour checks in every evening at 7', author: { id: 'p-ana', name: 'Ana Ruiz' } },
  { section: 'goals', text: 'Kai estará a salvo en casa cada noche', author: { id: 'p-thu', name: 'Trần Thị Thu' } },
  { section: 'next-steps', text: 'José llamará a la clínica el lunes', author: { id: 'p-jose', name: 'José Nguyễn' } },
  { section: 'scale', text: 'Ana: 6 — the family has a plan now', author: { id: 'p-ana', name: 'Ana Ruiz' } },
]
const RESTRICTED_TEXT = 'Treatment details from the clinic (restricted)'
// Safety-planning content: phrases every rendering must carry.
const TOOLKIT_PHRASES = [
  'deja a Kai solo en casa',
  'José Nguyễn no comparte la preocupación',
  'Kai siempre tendrá un adulto con él',
  'Llamar a la abuela Nguyễn',
  'Trần Thị Thu',
  '2026-12-01',
  'La abuela vive cerca',
  'Un plan escrito para las noches',
]

// Entered through PATCH /api/meetings/:id; the agency and its clock come from AGENCY_NAME and TIME_ZONE.
const AGENCY = 'Condado de Los Ángeles DCFS'
const TIME_ZONE = 'America/Los_Angeles'
const DETAILS = {
  caseReference: 'CWS-2026-0042',
  children: ['Kai', 'Lía'],
  meetingType: 'child-and-family-team',
  meetingFormat: 'hybrid',
  purpose: 'Acordar un plan para las noches de Kai',
  agreements: 'Lo que se dice aquí se queda aquí; hablamos de uno en uno',
  desiredOutcome: 'Un calendario de quién cuida a Kai cada noche',
  startTime: '2026-11-25T17:00:00.000Z',
  endTime: '2026-11-25T18:30:00.000Z',
}
// The child's words, verbatim; the ones not agreed must never leave the agency.
const CHILD_AGREED = ['No me gusta cuando gritan', 'Jugar fútbol con la abuela Nguyễn']
const CHILD_NOT_AGREED = 'Tengo miedo de papá por la noche'
const CIRCLE_ITEM = 'El vecino Trần llama cada noche'
// The child's tools: the parent's consent, the child's own name for a house, the Safety House
// path (the child's number and words) and what the ends of the scales mean.
const PARENT_CONSENT_BY = 'Mai Nguyễn, la mamá de Kai'
const CHILDS_HOUSE_NAME = 'La casa de los sustos'
const PATH_WORDS = 'Casi llego a la puerta porque la abuela está'
const PATH_ENDS = { zero: 'Muy lejos de la puerta', ten: 'En la puerta, a salvo' }
const OVERALL_ENDS = { zero: 'Kai no puede quedarse en casa', ten: 'Todos están seguros de que Kai está a salvo' }

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

async function exportFile(format: string, options: { token?: string; cookie?: string; query?: string; meeting?: string } = {}) {
  const headers: Record<string, string> = {}
  if (options.token ?? apiKey) headers.authorization = `Bearer ${options.token ?? apiKey}`
  const res = await fetch(`${server.url}/api/meetings/${options.meeting ?? meetingId}/export?format=${format}${options.query ?? ''}`, { headers })
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) }
}

function pdfText(bytes: Buffer, name: string): string {
  const file = path.join(tmp, name)
  writeFileSync(file, bytes)
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
}

beforeAll(async () => {
  server = await start({ now: () => clock, env: { AGENCY_NAME: AGENCY, TIME_ZONE } })
  apiKey = (await server.addWorker('Ana Ruiz')).apiKey
  meetingId = (await createMeeting(server.url, apiKey, 'Reunión de la familia Nguyễn', 'es')).id
  const details = await api(server.url, `/api/meetings/${meetingId}`, { token: apiKey, method: 'PATCH', body: DETAILS })
  expect(details.status).toBe(200)
  // Both accept the confidentiality agreement when they join; the facilitator records Mai's signed release form.
  const mai = await joinByInvite(server.url, apiKey, meetingId, 'Mai Nguyễn')
  await joinByInvite(server.url, apiKey, meetingId, 'Bảo Nguyễn')
  const release = await api(server.url, `/api/meetings/${meetingId}/participants/${mai.participantId}/release-consent`, { token: apiKey, method: 'PUT', body: { signed: true } })
  expect(release.status).toBe(204)
  await server.services.relay.applyServerChange(meetingId, (doc) => {
    const child = { id: 'p-kai', name: 'Kai Nguyễn' }
    const houses = placeTemplate(doc, 'three-houses', {
      parentConsent: { givenBy: PARENT_CONSENT_BY, recordedBy: { id: 'w-ana', name: 'Ana Ruiz' }, at: new Date(clock) },
    }).placementId
    renameTemplateZone(doc, houses, 'house-worries', CHILDS_HOUSE_NAME)
    addTemplateItem(doc, houses, 'house-worries', CHILD_AGREED[0]!, child, { now: new Date(clock), childAgreed: true })
    addTemplateItem(doc, houses, 'house-worries', CHILD_NOT_AGREED, child, { now: new Date(clock) })
    addTemplateItem(doc, houses, 'house-good-things', CHILD_AGREED[1]!, child, { now: new Date(clock), childAgreed: true })
    const circles = placeTemplate(doc, 'circles').placementId
    const token = addTemplateItem(doc, circles, 'circle-close', CIRCLE_ITEM, { id: 'p-thu', name: 'Trần Thị Thu' }, { now: new Date(clock) })
    linkParticipant(doc, token, 'p-thu')
    const path = safetyHousePathScaleId(placeTemplate(doc, 'safety-house').placementId)
    setScaleEnds(doc, path, PATH_ENDS)
    writeScalingMark(doc, { scaleId: path, participant: child, value: 8, reasons: { whatMakesItThisHigh: PATH_WORDS, onePointHigher: '' } }, { now: new Date(clock) })
    setScaleEnds(doc, OVERALL_SCALE_ID, OVERALL_ENDS)
  })
  await server.services.relay.applyServerChange(meetingId, (doc) => {
    CONTENT.forEach((c, i) => addItem(doc, c.section, c.text, c.author, { now: new Date(clock + i * 60_000) }))
    const id = addItem(doc, 'complicating', RESTRICTED_TEXT, { id: 'p-ana', name: 'Ana Ruiz' }, { now: new Date(clock) })
    // Mark it restricted the way a scribe's flag would: meta.restricted on the note record.
    const records = doc.getArray<{ key: string; val: { meta: Record<string, unknown> } }>(RECORDS_ARRAY_NAME)
    const index = records.toArray().findIndex((e) => e.key === id)
    const entry = records.get(index)
    records.delete(index, 1)
    records.push([{ key: id, val: { ...entry.val, meta: { ...entry.val.meta, restricted: true } } }])

    const now = { now: new Date(clock + 3_600_000) }
    const statement = addDangerStatement(doc, {
      whoIsWorried: 'La trabajadora social',
      behaviour: 'deja a Kai solo en casa por la noche',
      situations: 'cuando trabaja el turno de noche',
      impactOnChild: 'Kai podría lastimarse sin que nadie lo ayude',
      whoDisagrees: 'José Nguyễn no comparte la preocupación',
    }, { id: 'p-ana', name: 'Ana Ruiz' }, { ...now, quote: true })
    // José also records on his phone that he does not agree with the card (MM-25).
    addDisagreement(doc, statement, { id: 'p-jose', name: 'José Nguyễn' }, now)
    const goal = addSafetyGoal(doc, {
      caregiversWillBeDoing: 'Kai siempre tendrá un adulto con él por la noche',
      childWillExperience: 'sentirse tranquilo',
      whoIsInvolved: 'la abuela y el vecino',
      forHowLong: 'seis meses',
      howEveryoneWillKnow: 'un calendario en la nevera',
      dangerStatementId: statement,
    }, { id: 'p-thu', name: 'Trần Thị Thu' }, now)
    addNextStep(doc, { action: 'Llamar a la abuela Nguyễn para armar el calendario', owner: 'Trần Thị Thu', dueDate: '2026-12-01', safetyGoalId: goal }, { id: 'p-ana', name: 'Ana Ruiz' }, now)
    writeScalingMark(doc, { scaleId: OVERALL_SCALE_ID, participant: { id: 'p-jose', name: 'José Nguyễn' }, value: 7, reasons: { whatMakesItThisHigh: 'La abuela vive cerca', onePointHigher: 'Un plan escrito para las noches' } }, now)
    writeScalingMark(doc, { scaleId: statement, participant: { id: 'p-ana', name: 'Ana Ruiz' }, value: 4, reasons: { whatMakesItThisHigh: 'Hay vecinos atentos', onePointHigher: 'Que el plan esté firmado' } }, now)
  })
})

describe('export formats', () => {
  it('the case-file PDF is PDF/A-2b with embedded fonts and holds every item and author as real text', async () => {
    const res = await exportFile('pdf')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('x-content-sha256')).toBe(sha256(res.body))
    const text = normalize(pdfText(res.body, 'record.pdf'))
    for (const c of CONTENT) {
      expect(text).toContain(normalize(c.text))
      expect(text).toContain(c.author.name)
    }
    expect(text).toContain('Reunión de la familia Nguyễn')
    for (const phrase of TOOLKIT_PHRASES) expect(text).toContain(phrase)
    expect(text).toContain('Disagreement recorded: José Nguyễn no comparte la preocupación')
    // Every time on the agency's clock, named: 11:00 UTC is 3 AM in Los Angeles in November.
    expect(text).toContain('Does not agree: José Nguyễn, recorded 2026-11-25 03:00 PST')
    expect(text).not.toContain('UTC')
    expect(text).toContain('José Nguyễn: 7 out of 10')
    expect(text).toContain('Ana Ruiz: 4 out of 10')
    expect(text).toContain('(direct quote)')
    expect(text).not.toContain('Treatment details')
    expect(text).toContain('1 item was withheld from this export')
    expect(text).toContain('Canvas picture: not included')
    // The header fields entered for the case file, and the agency's name.
    expect(text).toContain(`Agency: ${AGENCY}`)
    expect(text).toContain('Case reference: CWS-2026-0042')
    expect(text).toContain('Meeting type: Child and Family Team meeting')
    expect(text).toContain('Started: 2026-11-25 09:00 PST')
    expect(text).toContain('Ended: 2026-11-25 10:30 PST')
    expect(text).toContain('Child or children: Kai, Lía')
    expect(text).toContain('How the meeting was held: Some people in person, some remote')
    expect(text).toContain(`Purpose: ${DETAILS.purpose}`)
    expect(text).toContain(`Agreements (confidentiality among them): ${DETAILS.agreements}`)
    expect(text).toContain(`Desired outcome of today: ${DETAILS.desiredOutcome}`)
    // Each person's consents as recorded; the facilitator ran the (hybrid) meeting.
    expect(text).toContain('Mai Nguyễn — editor Relationship: relative; attended: in-room; confidentiality agreement: yes; release of information consent: yes')
    expect(text).toContain('Bảo Nguyễn — editor Relationship: relative; attended: in-room; confidentiality agreement: yes; release of information consent: not recorded')
    expect(text).toContain('Ana Ruiz — facilitator Relationship: agency worker; attended: facilitating;')
    // The child's words they agreed to share, in quotation marks; the others left out and counted.
    for (const words of CHILD_AGREED) expect(text).toContain(`“${words}”`)
    expect(text).toContain('the child’s own words, agreed to share')
    expect(text).not.toContain(CHILD_NOT_AGREED)
    expect(text).toContain('1 item the child did not agree to share was left out')
    expect(text).toContain(CIRCLE_ITEM)
    expect(text).toContain(`Parent’s consent to use Three Houses: given by ${PARENT_CONSENT_BY}; recorded by Ana Ruiz, 2026-11-25 02:00 PST`)
    expect(text).toContain(`Three Houses: “${CHILDS_HOUSE_NAME}” (House of worries (Casa de las preocupaciones))`)
    expect(text).toContain(`0 = ${OVERALL_ENDS.zero}, 10 = ${OVERALL_ENDS.ten}`)
    expect(text).toContain(`0 = ${PATH_ENDS.zero}, 10 = ${PATH_ENDS.ten}`)
    expect(text).toContain('Kai Nguyễn: 8 out of 10')
    expect(text).toContain(`In their words: “${PATH_WORDS}”`)
    expect(text).toContain(`${CIRCLE_ITEM} — Close support (Apoyo cercano) (participant: Trần Thị Thu)`)
    // The banner is on every page.
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path.join(tmp, 'record.pdf')], { encoding: 'utf8' }))?.[1])
    expect(pages).toBeGreaterThan(1)
    expect(text.split('CONFIDENTIAL CHILD WELFARE RECORD').length - 1).toBe(pages)

    const meta = execFileSync('pdfinfo', ['-meta', path.join(tmp, 'record.pdf')], { encoding: 'utf8' })
    expect(meta).toMatch(/<pdfaid:part>2<\/pdfaid:part>/)
    expect(meta).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/)
    // PDF/A: Info entries must match the XMP packet (no validator is installable here, so the
    // metadata and fonts are asserted directly).
    expect(meta).toMatch(/<xmp:CreateDate>2026-11-25T11:00:00Z<\/xmp:CreateDate>/) // the latest card, never the clock
    expect(meta).not.toMatch(/ModifyDate/)
    expect(execFileSync('pdfinfo', [path.join(tmp, 'record.pdf')], { encoding: 'utf8' })).not.toMatch(/ModDate/)
    expect(meta).toContain(`<pdf:Keywords>safetymap-export-id:${res.headers.get('x-export-id')}`)
    const info = execFileSync('pdfinfo', [path.join(tmp, 'record.pdf')], { encoding: 'utf8' })
    expect(info).toContain(`safetymap-export-id:${res.headers.get('x-export-id')}`)
    expect(info).toContain(`safetymap-map-version:${res.headers.get('x-map-version')}`)
    const fonts = execFileSync('pdffonts', [path.join(tmp, 'record.pdf')], { encoding: 'utf8' }).trim().split('\n').slice(2)
    expect(fonts.length).toBeGreaterThan(0)
    for (const line of fonts) {
      expect(line).toMatch(/DejaVu/)
      expect(line).toMatch(/\byes\s+yes\s+yes\b/) // emb sub uni
    }
  })

  it('the family PDF is in the meeting’s language without agency-only fields', async () => {
    const res = await exportFile('family-pdf')
    expect(res.status).toBe(200)
    const text = normalize(pdfText(res.body, 'family.pdf'))
    expect(text).toContain('El mapa de seguridad de su familia')
    expect(text).toContain('¿Qué nos preocupa?')
    for (const c of CONTENT) {
      expect(text).toContain(normalize(c.text))
      expect(text).toContain(c.author.name)
    }
    expect(text).toContain('Un dato privado no está en esta copia')
    // A family reads the date in words, and who disagrees once, at the end of the statement.
    for (const phrase of TOOLKIT_PHRASES.filter((p) => p !== '2026-12-01')) expect(text).toContain(phrase)
    expect(text).toContain('Para: 1 de diciembre de 2026')
    // When the meeting started, on the agency's clock and named, so nobody reads it as their own zone's.
    expect(text).toContain('Fecha de la reunión: 25 de noviembre de 2026 a las 9:00 a.m. PST')
    expect(text).not.toContain('UTC')
    expect(text).not.toContain('2026-12-01')
    expect(text.split('No todos están de acuerdo: José Nguyễn no comparte la preocupación').length - 1).toBe(1)
    expect(text).toContain('José Nguyễn: 7 de 10')
    expect(text).toContain('Tipo de reunión: Reunión del Equipo del Niño y la Familia')
    expect(text).toContain(`Para qué nos reunimos: ${DETAILS.purpose}`)
    expect(text).toContain('Sobre: Kai y Lía')
    expect(text).toContain('Cómo nos reunimos: Algunas personas en persona y otras a distancia')
    expect(text).toContain(`Lo que acordamos sobre cómo trabajar juntos: ${DETAILS.agreements}`)
    expect(text).toContain(`Lo que esperábamos lograr hoy: ${DETAILS.desiredOutcome}`)
    // José does not agree with a statement: the copy never says everyone agreed.
    expect(text).not.toMatch(/todos dijeron y acordaron/)
    expect(text).toContain('No todos estuvieron de acuerdo con todo. Cuando alguien no está de acuerdo, esta copia lo dice.')
    expect(text).not.toContain('release')
    expect(text).toContain('Las tres casas')
    for (const words of CHILD_AGREED) expect(text).toContain(`“${words}”`)
    expect(text).toContain('en las propias palabras del niño o la niña')
    expect(text).toContain(`${PARENT_CONSENT_BY} dijo que estaba bien usar Las tres casas con el niño o la niña (25 de noviembre de 2026).`)
    expect(text).toContain(`“${CHILDS_HOUSE_NAME}” (Casa de las preocupaciones)`)
    expect(text).toContain(`0 quiere decir: ${OVERALL_ENDS.zero} · 10 quiere decir: ${OVERALL_ENDS.ten}`)
    expect(text).toContain('El camino a la puerta: qué tan seguro se siente el niño o la niña (de 0 a 10)')
    expect(text).toContain(`0 quiere decir: ${PATH_ENDS.zero}`)
    expect(text).toContain('Kai Nguyễn: 8 de 10')
    expect(text).toContain(`En sus propias palabras: “${PATH_WORDS}”`)
    expect(text).toContain(`Quién está en cada círculo ${CIRCLE_ITEM} — Apoyo cercano`)
    // Each thing is said once, where a family looks for it: the cards inside their own sections, a person on the circles once.
    const once = (words: string) => expect(text.split(words).length - 1, words).toBe(1)
    for (const words of ['Declaraciones de peligro', 'Metas de seguridad', 'Próximos pasos', 'Llamar a la abuela Nguyễn para armar el calendario', 'deja a Kai solo en casa', CIRCLE_ITEM]) once(words)
    const order = ['Declaraciones de peligro', 'deja a Kai solo en casa', 'Kai siempre tendrá un adulto con él', 'Factores que complican', 'Próximos pasos', 'José llamará a la clínica el lunes', 'Llamar a la abuela Nguyễn', 'José Nguyễn: 7 de 10', 'Las tres casas'].map((words) => text.indexOf(words))
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(text).not.toContain(CHILD_NOT_AGREED)
    expect(text).not.toContain('CWS-2026-0042')
    expect(text).not.toContain('Treatment details')
    expect(text).not.toContain('SHA-256')
    expect(text).not.toContain('Case reference')
    expect(text).not.toContain('42 CFR')
  })

  it('the DOCX opens and its word/document.xml carries the same content', async () => {
    const res = await exportFile('docx')
    expect(res.status).toBe(200)
    expect(res.headers.get('x-content-sha256')).toBe(sha256(res.body))
    const text = normalize(docxText(res.body))
    for (const c of CONTENT) {
      expect(text).toContain(normalize(c.text))
      expect(text).toContain(c.author.name)
    }
    for (const phrase of TOOLKIT_PHRASES) expect(text).toContain(phrase)
    expect(text).toContain('Ana Ruiz: 4 out of 10')
    expect(text).not.toContain('Treatment details')
    expect(text).toContain(`Agency: ${AGENCY}`)
    expect(text).toContain('Case reference: CWS-2026-0042')
    expect(text).toContain('Meeting type: Child and Family Team meeting')
    expect(text).toContain('Started: 2026-11-25 09:00 PST')
    expect(text).not.toContain('UTC')
    expect(text).toContain('Child or children: Kai, Lía')
    expect(text).toContain('How the meeting was held: Some people in person, some remote')
    expect(text).toContain(`Agreements (confidentiality among them): ${DETAILS.agreements}`)
    expect(text).toContain(`Desired outcome of today: ${DETAILS.desiredOutcome}`)
    expect(text).toContain('confidentiality agreement: yes; release of information consent: yes')
    for (const words of CHILD_AGREED) expect(text).toContain(`“${words}”`)
    expect(text).not.toContain(CHILD_NOT_AGREED)
    expect(text).toContain(CIRCLE_ITEM)
    expect(text).toContain(`Parent’s consent to use Three Houses: given by ${PARENT_CONSENT_BY}`)
    expect(text).toContain(`“${CHILDS_HOUSE_NAME}” (House of worries`)
    expect(text).toContain(`0 = ${OVERALL_ENDS.zero}, 10 = ${OVERALL_ENDS.ten}`)
    expect(text).toContain(`0 = ${PATH_ENDS.zero}, 10 = ${PATH_ENDS.ten}`)
    expect(text).toContain(`Kai Nguyễn: 8 out of 10 In their words: “${PATH_WORDS}”`)
    expect(text).toContain(`${CIRCLE_ITEM} — Close support (Apoyo cercano) (participant: Trần Thị Thu)`)
    expect(text).toContain('Canvas picture: not included')
    const files = unzipSync(new Uint8Array(res.body))
    expect(strFromU8(files['docProps/custom.xml']!)).toContain(res.headers.get('x-export-id')!)
    expect(strFromU8(files['word/header1.xml'] ?? files['word/header2.xml'] ?? new Uint8Array())).toContain('CONFIDENTIAL')
  })

  it('the JSON validates against docs/export-schema.json and lists every item with its author', async () => {
    const res = await exportFile('json')
    expect(res.status).toBe(200)
    const body = JSON.parse(res.body.toString('utf8'))
    const validate = exportSchemaValidator()
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true)
    const items = [...body.sections.flatMap((s: { items: unknown[] }) => s.items), ...body.unsorted] as { text: string; author: { name: string } }[]
    expect(items.map((i) => [i.text, i.author.name]).sort()).toEqual(CONTENT.map((c) => [c.text, c.author.name]).sort())
    expect(body.withheld).toEqual({ count: 1 })
    expect(body.dangerStatements).toHaveLength(1)
    expect(body.dangerStatements[0]).toMatchObject({ number: 1, directQuote: true, disagreement: 'José Nguyễn no comparte la preocupación', author: { name: 'Ana Ruiz' } })
    expect(body.dangerStatements[0].safetyGoals).toHaveLength(1)
    expect(body.dangerStatements[0].safetyGoals[0].author.name).toBe('Trần Thị Thu')
    expect(body.nextSteps[0]).toMatchObject({ owner: 'Trần Thị Thu', dueDate: '2026-12-01' })
    const marks = body.scales.flatMap((sc: { marks: { participant: { name: string }; value: number }[] }) => sc.marks.map((m) => [m.participant.name, m.value]))
    expect(marks).toEqual(expect.arrayContaining([['José Nguyễn', 7], ['Ana Ruiz', 4]]))
    expect(body.canvasPicture).toEqual({ included: false })
    expect(body.exportId).toBe(res.headers.get('x-export-id'))
    expect(body.schemaVersion).toBe('1.16.0')
    expect(body.variant).toBe('three-column')
    expect(body.dangerStatements[0].disagreements).toEqual([{ participant: { id: 'p-jose', name: 'José Nguyễn' }, at: new Date(clock + 3_600_000).toISOString() }])
    // Machine data: times stay ISO 8601 UTC, with the zone the printed copies use beside them.
    expect(body.meeting).toMatchObject({
      agency: AGENCY,
      timeZone: TIME_ZONE,
      caseReference: DETAILS.caseReference,
      meetingType: 'child-and-family-team',
      purpose: DETAILS.purpose,
      startedAt: DETAILS.startTime,
      endedAt: DETAILS.endTime,
      children: DETAILS.children,
      meetingFormat: 'hybrid',
      agreements: DETAILS.agreements,
      desiredOutcome: DETAILS.desiredOutcome,
    })
    const consents = Object.fromEntries(body.participants.filter((p: { source: string }) => p.source !== 'item-author').map((p: { name: string; attendance: string | null; confidentialityAgreement: boolean | null; releaseConsent: boolean | null }) => [p.name, [p.attendance, p.confidentialityAgreement, p.releaseConsent]]))
    expect(consents).toMatchObject({ 'Mai Nguyễn': ['in-room', true, true], 'Bảo Nguyễn': ['in-room', true, null], 'Ana Ruiz': ['facilitating', null, null] })
    const houses = body.templates.find((t: { templateId: string }) => t.templateId === 'three-houses')
    expect(houses).toMatchObject({ childsOwnWords: true, notShared: 1 })
    const childItems = houses.sections.flatMap((s: { items: { text: string; childAgreed: boolean }[] }) => s.items)
    expect(childItems.map((i: { text: string; childAgreed: boolean }) => [i.text, i.childAgreed]).sort()).toEqual(CHILD_AGREED.map((t) => [t, true]).sort())
    expect(res.body.toString('utf8')).not.toContain(CHILD_NOT_AGREED)
    expect(houses.parentConsent).toEqual({ givenBy: PARENT_CONSENT_BY, recordedBy: { id: 'w-ana', name: 'Ana Ruiz' }, at: new Date(clock).toISOString() })
    expect(houses.sections.find((s: { key: string }) => s.key === 'house-worries')).toMatchObject({ childsName: CHILDS_HOUSE_NAME, label: { en: 'House of worries' } })
    const safetyHouse = body.templates.find((t: { templateId: string }) => t.templateId === 'safety-house')
    expect(safetyHouse.path).toMatchObject({ ends: PATH_ENDS, marks: [{ participant: { name: 'Kai Nguyễn' }, value: 8, whatMakesItThisHigh: PATH_WORDS }] })
    const circles = body.templates.find((t: { templateId: string }) => t.templateId === 'circles')
    expect(circles.people).toEqual([{ itemId: expect.any(String), name: CIRCLE_ITEM, participantId: 'p-thu', ring: 'circle-close', ringLabel: { en: 'Close support', es: 'Apoyo cercano' } }])
    expect(body.scales.find((sc: { scaleId: string }) => sc.scaleId === OVERALL_SCALE_ID).ends).toEqual(OVERALL_ENDS)

    // A record written by 1.1.0 (none of the 1.2.0 to 1.16.0 fields) still validates.
    const older = structuredClone(body)
    older.$schema = older.$schema.replace('1.16.0', '1.1.0')
    delete older.variant
    delete older.journal
    for (const key of ['children', 'meetingFormat', 'agreements', 'desiredOutcome', 'timeZone']) delete older.meeting[key]
    older.schemaVersion = '1.1.0'
    const withoutDisagreements = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(withoutDisagreements)
      else if (typeof value === 'object' && value !== null) {
        delete (value as { disagreements?: unknown }).disagreements
        Object.values(value).forEach(withoutDisagreements)
      }
    }
    withoutDisagreements(older)
    for (const scale of older.scales) {
      delete scale.ends
      delete scale.privateRatedBy
    }
    for (const section of older.sections) {
      delete section.hint
      delete section.columnLabel
    }
    for (const template of older.templates) {
      for (const key of ['parentConsent', 'path', 'people']) delete template[key]
      for (const section of template.sections) delete section.childsName
    }
    expect(validate(older), JSON.stringify(validate.errors)).toBe(true)
  })

  it('every export is in the audit log with who, format, map version and SHA-256', async () => {
    const res = await exportFile('json')
    const entries = (await server.services.audit.forMeeting(meetingId)).filter((e) => e.action === 'export.created')
    const last = entries.at(-1)!
    expect(last.actor.kind).toBe('worker')
    expect(last.details).toMatchObject({ format: 'json', sha256: res.headers.get('x-content-sha256'), version: res.headers.get('x-map-version') })
    expect(entries.map((e) => e.details.format)).toEqual(expect.arrayContaining(['pdf', 'family-pdf', 'docx', 'json']))
    expect(await server.services.audit.verify()).toEqual({ ok: true })
  })

  it('a posted canvas PNG is embedded; a non-PNG body is refused', async () => {
    // 1×1 transparent PNG.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
    const post = (body: Buffer, format: string) =>
      fetch(`${server.url}/api/meetings/${meetingId}/export?format=${format}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'image/png' },
        body: new Uint8Array(body),
      })
    const json = await post(png, 'json')
    expect(json.status).toBe(200)
    expect((await json.json()).canvasPicture).toMatchObject({ included: true, width: 1, height: 1, sha256: sha256(png) })
    const pdf = await post(png, 'pdf')
    expect(pdf.status).toBe(200)
    const text = normalize(pdfText(Buffer.from(await pdf.arrayBuffer()), 'picture.pdf'))
    expect(text).toContain('PNG 1×1')
    expect((await post(Buffer.from('not a png at all, just some text here'), 'pdf')).status).toBe(400)
  })

  it('a picture the browser saves itself (PNG or SVG) is recorded with its SHA-256 before it is saved', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>')
    const record = (body: Buffer, type: string, token = apiKey) =>
      fetch(`${server.url}/api/meetings/${meetingId}/export/pictures`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': type },
        body: new Uint8Array(body),
      })
    for (const [body, type, format] of [[png, 'image/png', 'png'], [svg, 'image/svg+xml', 'svg']] as const) {
      const res = await record(body, type)
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual({ sha256: sha256(body) })
      const entry = (await server.services.audit.forMeeting(meetingId)).filter((e) => e.action === 'export.created').at(-1)
      expect(entry?.details).toMatchObject({ format, sha256: sha256(body), bytes: body.length, renderedIn: 'browser' })
    }
    expect((await record(Buffer.from('<html><script>alert(1)</script></html>'), 'image/svg+xml')).status).toBe(400)
    expect((await record(svg, 'image/png')).status).toBe(400)
  })
})

describe('the family copy in the family’s language', () => {
  // An English meeting; the grandmother reads Spanish. People's words stay as they were written.
  const NOTE = 'Grandma Lorna picks Kai up from school every day'
  // A next step agreed at the meeting before anyone took it on or set a date.
  const UNDECIDED_STEP = 'Find someone to stay with Kai on night-shift evenings'
  let english: string

  beforeAll(async () => {
    english = (await createMeeting(server.url, apiKey, 'Kai’s family meeting', 'en')).id
    await server.services.relay.applyServerChange(english, (doc) => {
      const now = { now: new Date(clock) }
      const worker = { id: 'w-ana', name: 'Ana Ruiz' }
      addItem(doc, 'strengths', NOTE, { id: 'p-lorna', name: 'Lorna Hill' }, now)
      const statement = addDangerStatement(doc, {
        whoIsWorried: 'The social worker',
        behaviour: 'Kai is left alone at night',
        situations: 'when Jess works a night shift',
        impactOnChild: 'Kai could get hurt with nobody to help',
        whoDisagrees: '',
      }, worker, now)
      addDisagreement(doc, statement, { id: 'p-jess', name: 'Jess' }, now)
      const goal = addSafetyGoal(doc, {
        caregiversWillBeDoing: 'An adult is always with Kai at night',
        childWillExperience: 'Kai feels calm at bedtime',
        whoIsInvolved: 'Lorna and the neighbour',
        forHowLong: 'six months',
        howEveryoneWillKnow: 'a calendar on the fridge',
        dangerStatementId: statement,
      }, worker, now)
      addNextStep(doc, { action: UNDECIDED_STEP, owner: '', dueDate: '', safetyGoalId: goal }, worker, now)
    })
  })

  it('with language=es, an English meeting’s family copy has Spanish headings and connecting words and keeps the notes’ words', async () => {
    const res = await exportFile('family-pdf', { meeting: english, query: '&language=es' })
    expect(res.status).toBe(200)
    const text = normalize(pdfText(res.body, 'family-in-es.pdf'))
    for (const words of ['El mapa de seguridad de su familia', '¿Qué nos preocupa?', 'Fecha de la reunión: 25 de noviembre de 2026', 'Quiénes estuvieron', 'Página 1 de']) {
      expect(text).toContain(words)
    }
    expect(text).toContain('The social worker se preocupa porque when Jess works a night shift, Kai is left alone at night. Si esto continúa, Kai could get hurt with nobody to help.')
    expect(text).toContain('Cómo se verá la seguridad: An adult is always with Kai at night. Kai feels calm at bedtime. Quiénes ayudan: Lorna and the neighbour. Esto tiene que seguir así durante six months. Todos lo sabremos porque a calendar on the fridge.')
    expect(text).toContain('Jess no está de acuerdo con esto.')
    expect(text).toContain(`${NOTE} — lo dijo Lorna Hill`)
    for (const english of ['Your family’s safety map', 'What are we worried about?', 'Meeting date', 'is worried that', 'If this continues', 'Who helps', 'said by', 'Page 1 of']) {
      expect(text).not.toContain(english)
    }
    expect(res.headers.get('content-disposition')).toMatch(/-family-es\.pdf"$/)
    expect(res.headers.get('content-language')).toBe('es')
    const entry = (await server.services.audit.forMeeting(english)).filter((e) => e.action === 'export.created').at(-1)
    expect(entry?.details).toMatchObject({ format: 'family-pdf', language: 'es', sha256: res.headers.get('x-content-sha256') })
  })

  it('without a language it is in the meeting’s language', async () => {
    const res = await exportFile('family-pdf', { meeting: english })
    expect(res.status).toBe(200)
    const text = normalize(pdfText(res.body, 'family-in-en.pdf'))
    expect(text).toContain('Your family’s safety map')
    expect(text).toContain('The social worker is worried that when Jess works a night shift')
    expect(text).not.toContain('se preocupa porque')
    expect(res.headers.get('content-disposition')).toMatch(/-family-en\.pdf"$/)
  })

  it('says plainly, in the family’s language, when nobody has taken on a next step or set its date yet', async () => {
    const undecided = { en: 'Who: not decided yet · By when: not decided yet', es: 'Quién: todavía no se ha decidido · Para cuándo: todavía no se ha decidido' }
    for (const language of ['en', 'es'] as const) {
      const res = await exportFile('family-pdf', { meeting: english, query: `&language=${language}` })
      expect(res.status).toBe(200)
      const text = normalize(pdfText(res.body, `family-undecided-${language}.pdf`))
      expect(text).toContain(`${UNDECIDED_STEP} ${undecided[language]}`)
    }
  })

  it('refuses a language the product does not have, and a language for the case-file record, with a message that says why', async () => {
    const french = await exportFile('family-pdf', { meeting: english, query: '&language=fr' })
    expect(french.status).toBe(400)
    expect(JSON.parse(french.body.toString('utf8')).message).toBe('querystring/language must be one of: en, es')
    const record = await exportFile('pdf', { meeting: english, query: '&language=es' })
    expect(record.status).toBe(400)
    expect(JSON.parse(record.body.toString('utf8'))).toMatchObject({ code: 'EXPORT_LANGUAGE_FAMILY_ONLY', message: expect.stringContaining('case-file record is always in the meeting’s language') })
  })
})

describe('reproducible exports of a finalized map', () => {
  it('the same finalized version gives byte-identical JSON and the same PDF text', async () => {
    const finalized = await api(server.url, `/api/meetings/${meetingId}/finalize`, { token: apiKey, method: 'POST' })
    expect(finalized.status).toBe(200)
    const [a, b] = [await exportFile('json'), await exportFile('json')]
    expect(a.body.equals(b.body)).toBe(true)
    expect(a.headers.get('x-map-version')).toBe('v1')
    expect(JSON.parse(a.body.toString('utf8')).version).toMatchObject({ number: 1, finalized: true, finalizedBy: { name: 'Ana Ruiz' } })
    const [p, q] = [await exportFile('pdf'), await exportFile('pdf')]
    expect(pdfText(p.body, 'a.pdf')).toBe(pdfText(q.body, 'b.pdf'))
    expect(p.headers.get('x-content-sha256')).toBe(q.headers.get('x-content-sha256'))
    const [d, e] = [await exportFile('docx'), await exportFile('docx')]
    expect(d.body.equals(e.body)).toBe(true)
    expect(d.headers.get('x-content-sha256')).toBe(e.headers.get('x-content-sha256'))
  })

  it('refuses to change the details of a finalized map, so its record cannot change under it', async () => {
    const res = await api<{ code: string }>(server.url, `/api/meetings/${meetingId}`, { token: apiKey, method: 'PATCH', body: { caseReference: 'X' } })
    expect(res.status).toBe(409)
    expect(res.body.code).toBe('MEETING_FINALIZED')
  })

  it('an older version exported after a reopen prints the details it was finalized with, not the current ones', async () => {
    expect((await api(server.url, `/api/meetings/${meetingId}/reopen`, { token: apiKey, method: 'POST' })).status).toBe(200)
    const changed = { caseReference: 'CWS-2027-0001', meetingType: 'consultation', purpose: 'Revisar el plan en enero', startTime: '2027-01-10T16:00:00.000Z', endTime: null }
    expect((await api(server.url, `/api/meetings/${meetingId}`, { token: apiKey, method: 'PATCH', body: changed })).status).toBe(200)

    const v1 = JSON.parse((await exportFile('json', { query: '&version=1' })).body.toString('utf8'))
    expect(v1.version).toMatchObject({ number: 1, finalized: true })
    expect(v1.meeting).toMatchObject({ title: 'Reunión de la familia Nguyễn', caseReference: DETAILS.caseReference, meetingType: 'child-and-family-team', purpose: DETAILS.purpose, startedAt: DETAILS.startTime, endedAt: DETAILS.endTime })
    const text = normalize(pdfText((await exportFile('pdf', { query: '&version=1' })).body, 'v1.pdf'))
    expect(text).toContain('Case reference: CWS-2026-0042')
    expect(text).toContain('Meeting type: Child and Family Team meeting')
    expect(text).toContain('Started: 2026-11-25 09:00 PST')
    expect(text).not.toContain('CWS-2027-0001')
    const family = normalize(pdfText((await exportFile('family-pdf', { query: '&version=1' })).body, 'v1-family.pdf'))
    expect(family).toContain(`Para qué nos reunimos: ${DETAILS.purpose}`)
    expect(family).not.toContain(changed.purpose)
    expect(normalize(docxText((await exportFile('docx', { query: '&version=1' })).body))).toContain('Case reference: CWS-2026-0042')

    // The live map (version 2) prints the details as they are now.
    const live = JSON.parse((await exportFile('json')).body.toString('utf8'))
    expect(live.version).toMatchObject({ number: 2, finalized: false })
    expect(live.meeting).toMatchObject({ caseReference: changed.caseReference, meetingType: 'consultation', purpose: changed.purpose, startedAt: changed.startTime })
  })
})

describe('an item moved into the restricted doc', () => {
  it('is left out of every export, and the record and the family copy say an item was withheld', async () => {
    const id = (await createMeeting(server.url, apiKey, 'Reunión con un dato reservado', 'es')).id
    let secret = ''
    await server.services.relay.applyServerChange(id, (doc) => {
      addItem(doc, 'strengths', 'La abuela lleva a Sofía a la escuela', { id: 'p-carmen', name: 'Carmen' }, { now: new Date(clock) })
      secret = addItem(doc, 'complicating', 'La mamá recibe tratamiento en la Clínica Esperanza', { id: 'w-ana', name: 'Ana Ruiz' }, { now: new Date(clock) })
    })
    // The facilitator's "restricted" choice on the board: the item moves out of the shared map.
    expect((await api(server.url, `/api/meetings/${id}/restricted-items`, { token: apiKey, body: { shapeId: secret } })).status).toBe(200)
    const record = normalize(pdfText((await exportFile('pdf', { meeting: id })).body, 'restricted-doc-record.pdf'))
    expect(record).toContain('1 item was withheld from this export')
    expect(record).not.toContain('Clínica Esperanza')
    const family = normalize(pdfText((await exportFile('family-pdf', { meeting: id })).body, 'restricted-doc-family.pdf'))
    expect(family).toContain('Un dato privado no está en esta copia.')
    expect(family).not.toContain('Clínica Esperanza')
    expect(JSON.parse((await exportFile('json', { meeting: id })).body.toString('utf8')).withheld).toEqual({ count: 1 })
  })
})

describe('a safety plan’s phone numbers and contacts', () => {
  it('are counted under their box in the record, its data and the family copy, never printed', async () => {
    const id = (await createMeeting(server.url, apiKey, 'Reunión con teléfonos', 'es')).id
    let placementId = ''
    await server.services.relay.applyServerChange(id, (doc) => {
      placementId = placeTemplate(doc, 'safety-plan').placementId
    })
    const url = `/api/meetings/${id}/private-contacts`
    for (const text of ['Abuela Lorna 555-0142', 'Clínica 555-0199']) {
      expect((await api(server.url, url, { token: apiKey, body: { placementId, text } })).status).toBe(200)
    }
    const kept = '2 contacts are kept for the meeting’s workers only and are not printed in this record.'
    const record = normalize(pdfText((await exportFile('pdf', { meeting: id })).body, 'contacts-record.pdf'))
    expect(record).toContain(`Safety plan: Phone numbers and contacts (Teléfonos y contactos) ${kept}`)
    const word = normalize(docxText((await exportFile('docx', { meeting: id })).body))
    expect(word).toContain(kept)
    const family = normalize(pdfText((await exportFile('family-pdf', { meeting: id })).body, 'contacts-family.pdf'))
    expect(family).toContain('Teléfonos y contactos Los números de teléfono se guardan solo para el personal de la agencia.')
    const json = (await exportFile('json', { meeting: id })).body.toString('utf8')
    const body = JSON.parse(json)
    expect(exportSchemaValidator()(body)).toBe(true)
    const plan = body.templates.find((t: { templateId: string }) => t.templateId === 'safety-plan')
    expect(plan.sections.find((s: { key: string }) => s.key === 'safety-plan-contacts')).toMatchObject({ items: [], keptForWorkers: 2 })
    expect(plan.sections.find((s: { key: string }) => s.key === 'safety-plan-rules').keptForWorkers).toBeUndefined()
    for (const text of [record, word, family, json]) expect(text).not.toContain('555-01')
  })
})

describe('ratings at the next meeting', () => {
  it('carry each person\'s numbers from the earlier finished versions: the trend, in the record, its data and the family copy', async () => {
    const id = (await createMeeting(server.url, apiKey, 'Reunión de seguimiento', 'es')).id
    const carmen = { id: 'p-carmen', name: 'Carmen' }
    const rate = (value: number) => server.services.relay.applyServerChange(id, (doc) => {
      writeScalingMark(doc, { scaleId: OVERALL_SCALE_ID, participant: carmen, value, reasons: { whatMakesItThisHigh: '', onePointHigher: '' } }, { now: new Date(clock) })
    })
    const finish = async () => expect((await api(server.url, `/api/meetings/${id}/finalize`, { token: apiKey, method: 'POST' })).status).toBe(200)
    const reopen = async () => expect((await api(server.url, `/api/meetings/${id}/reopen`, { token: apiKey, method: 'POST' })).status).toBe(200)
    await rate(4)
    await finish()
    await reopen()
    await rate(6)
    await finish()
    await reopen()
    await rate(8)

    const body = JSON.parse((await exportFile('json', { meeting: id })).body.toString('utf8'))
    const validate = exportSchemaValidator()
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true)
    expect(body.scales[0].marks[0]).toMatchObject({ value: 8, earlier: [{ version: 1, value: 4 }, { version: 2, value: 6 }] })
    expect(normalize(pdfText((await exportFile('pdf', { meeting: id })).body, 'trend-record.pdf'))).toContain('Trend: 4 (version 1) → 6 (version 2) → 8 now')
    expect(normalize(pdfText((await exportFile('family-pdf', { meeting: id })).body, 'trend-family.pdf'))).toContain('En reuniones anteriores: 4, luego 6. Ahora: 8.')
    // Version 1's own record has no earlier version to compare with.
    expect(JSON.parse((await exportFile('json', { meeting: id, query: '&version=1' })).body.toString('utf8')).scales[0].marks[0].earlier).toEqual([])
  })
})

describe('who may export', () => {
  it('answers 401 without credentials, 404 to other workers, 403 to members who are not facilitators', async () => {
    const res = await fetch(`${server.url}/api/meetings/${meetingId}/export?format=json`)
    expect(res.status).toBe(401)
    const other = (await server.addWorker('Other Worker')).apiKey
    expect((await exportFile('json', { token: other })).status).toBe(404)
    const live = (await createMeeting(server.url, apiKey, 'Live meeting')).id
    const { session } = await joinByInvite(server.url, apiKey, live, 'Trần Thị Thu')
    const asMember = await fetch(`${server.url}/api/meetings/${live}/export?format=pdf`, { headers: { authorization: `Bearer ${session}` } })
    expect(asMember.status).toBe(403)
    expect((await exportFile('xlsx')).status).toBe(400)
    expect((await server.services.audit.forMeeting(live)).filter((e) => e.action === 'export.created')).toEqual([])
  })
})

describe('meeting details for the case file', () => {
  it('are taken at creation, changed later with an audit entry naming only the fields, and checked', async () => {
    const created = await api<{ id: string; caseReference: string | null; meetingType: string | null; startTime: string | null }>(server.url, '/api/meetings', {
      token: apiKey,
      body: { title: 'Consulta', locale: 'en', caseReference: ' CWS-9 ', meetingType: 'consultation', startTime: '2026-11-25T09:00:00Z' },
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ caseReference: 'CWS-9', meetingType: 'consultation', startTime: '2026-11-25T09:00:00.000Z' })
    const id = created.body.id

    const changed = await api(server.url, `/api/meetings/${id}`, { token: apiKey, method: 'PATCH', body: { purpose: 'Secret plan words', caseReference: null } })
    expect(changed.status).toBe(200)
    expect(changed.body).toMatchObject({ purpose: 'Secret plan words', caseReference: null, meetingType: 'consultation' })
    const entry = (await server.services.audit.forMeeting(id)).find((e) => e.action === 'meeting.details-changed')
    expect(entry?.details).toEqual({ fields: 'caseReference,purpose' })
    expect(JSON.stringify(entry)).not.toContain('Secret plan words')

    const backwards = await api(server.url, `/api/meetings/${id}`, { token: apiKey, method: 'PATCH', body: { endTime: '2026-11-25T08:00:00Z' } })
    expect(backwards.status).toBe(400)
    expect((await api(server.url, `/api/meetings/${id}`, { token: apiKey, method: 'PATCH', body: { meetingType: 'picnic' } })).status).toBe(400)
    const { session } = await joinByInvite(server.url, apiKey, id, 'Trần Thị Thu')
    expect((await api(server.url, `/api/meetings/${id}`, { method: 'PATCH', body: { purpose: 'x' }, token: session })).status).toBe(403)
  })

  it('without entered times, the record starts when a facilitator first opened the meeting and ends when it was ended', async () => {
    const id = (await createMeeting(server.url, apiKey, 'Sin horas', 'en')).id
    await api(server.url, `/api/meetings/${id}`, { token: apiKey }) // the facilitator opens the meeting page
    expect((await api(server.url, `/api/meetings/${id}/end`, { token: apiKey, method: 'POST' })).status).toBe(204)
    const res = await fetch(`${server.url}/api/meetings/${id}/export?format=json`, { headers: { authorization: `Bearer ${apiKey}` } })
    const body = await res.json()
    const at = new Date(clock).toISOString()
    expect(body.meeting).toMatchObject({ startedAt: at, endedAt: at, caseReference: null, meetingType: null, agency: AGENCY })
  })
})
