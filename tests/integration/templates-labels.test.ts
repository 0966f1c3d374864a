/**
 * Per-deployment section labels (map-model MM-28): the server reads `LABELS_FILE` at start,
 * refuses to boot on unknown keys, and hands the labels to browsers in `GET /api/config` and with
 * the meeting the phone list reads; the phone list the server writes into its page, the case-file
 * record (PDF, JSON) and the family copy (English and Spanish) are headed in the agency's words.
 * And the template chosen when a meeting is created (MM-34): the map every member's doc receives.
 * A small stand-in for the built app (the real catalogues) keeps this test off the web build.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../server/src/config.ts'
import { readMap, readZones } from '@safetymap/map-model'
import type { TestServer } from '../helpers/servers.ts'
import { useServers, usePeers } from '../helpers/useServers.ts'
import { api, connectPeer, createMeeting, joinByInvite } from '../helpers/clients.ts'
import { oneLine, pdfText } from '../../server/src/export/exportTestKit.ts'
import { en } from '../../apps/web/src/i18n/catalogues/en.ts'
import { es } from '../../apps/web/src/i18n/catalogues/es.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'sm-labels-'))
const labelsFile = (name: string, value: unknown) => {
  const file = path.join(dir, name)
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value))
  return file
}

/** The agency renames a column and a section, with a hint of its own, in both languages. */
const LABELS = {
  worries: { en: { label: 'Things we fear' }, es: { label: 'Cosas que tememos' } },
  danger: {
    en: { label: 'Worries about the future', hint: 'What we fear could happen to the child.' },
    es: { label: 'Preocupaciones sobre el futuro', hint: 'Lo que tememos que le pase al niño.' },
  },
}

const PAGE_HTML = '<!doctype html>\n<html lang="en">\n  <head>\n    <title>SafetyMap</title>\n  </head>\n  <body>\n    <div id="root"></div>\n  </body>\n</html>\n'

const start = useServers()
const peers = usePeers()
let server: TestServer
beforeAll(async () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'sm-labels-dist-'))
  writeFileSync(path.join(dist, 'index.html'), PAGE_HTML)
  writeFileSync(path.join(dist, 'list.html'), PAGE_HTML)
  writeFileSync(path.join(dist, 'catalogues.json'), JSON.stringify({ en, es }))
  server = await start({ env: { LABELS_FILE: labelsFile('good.json', LABELS), WEB_DIST_DIR: dist } })
})

describe('LABELS_FILE', () => {
  it('hands the agency’s headings to browsers through /api/config', async () => {
    const res = await fetch(`${server.url}/api/config`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ tldrawLicenseKey: null, labels: LABELS })
  })

  it('heads the phone list, the case-file record and the family copy in the agency’s words, in English and Spanish', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Kai family meeting', 'es')
    const lorna = await joinByInvite(server.url, apiKey, meeting.id, 'Grandma Lorna')

    // The phone list: with the meeting it waits for anyway, and written into its page by the server.
    const read = await api<{ labels: unknown }>(server.url, `/api/meetings/${meeting.id}`, { cookie: `sm_session=${lorna.session}` })
    expect(read.body.labels).toEqual(LABELS)
    for (const locale of ['en', 'es'] as const) {
      const res = await fetch(`${server.url}/m/${meeting.id}/list`, { headers: { cookie: `sm_session=${lorna.session}; sm_locale=${locale}` } })
      const html = await res.text()
      expect(html).toContain('<div id="phone-prerender"')
      expect(html).toContain(`<h2 class="phone-column-heading" data-column="worries">${LABELS.worries[locale].label}</h2>`)
      expect(html).toContain(`<h3 class="phone-section-heading">${LABELS.danger[locale].label}</h3><p class="phone-hint">${LABELS.danger[locale].hint}</p>`)
    }

    const exported = async (query: string) => {
      const res = await fetch(`${server.url}/api/meetings/${meeting.id}/export?${query}`, { headers: { authorization: `Bearer ${apiKey}` } })
      expect(res.status).toBe(200)
      return Buffer.from(await res.arrayBuffer())
    }
    const record = JSON.parse((await exported('format=json')).toString('utf8'))
    const danger = record.sections.find((s: { key: string }) => s.key === 'danger')
    expect(danger).toMatchObject({
      columnLabel: { en: LABELS.worries.en.label, es: LABELS.worries.es.label },
      label: { en: LABELS.danger.en.label, es: LABELS.danger.es.label },
      hint: { en: LABELS.danger.en.hint, es: LABELS.danger.es.hint },
    })
    // A Spanish meeting's record gives the Spanish heading beside the English one.
    const recordText = oneLine(pdfText(await exported('format=pdf')))
    expect(recordText).toContain(LABELS.worries.en.label)
    expect(recordText).toContain(`${LABELS.danger.en.label} / ${LABELS.danger.es.label}`)
    for (const locale of ['en', 'es'] as const) {
      const family = oneLine(pdfText(await exported(`format=family-pdf&language=${locale}`)))
      expect(family).toContain(LABELS.worries[locale].label)
      expect(family).toContain(LABELS.danger[locale].label)
      expect(family).toContain(LABELS.danger[locale].hint)
    }
  })

  it('gives an empty set of labels when no file is configured', () => {
    expect(loadConfig({}).labels).toEqual({})
  })

  it('refuses to boot on unknown keys, bad JSON or a missing file, naming LABELS_FILE', () => {
    const bad = [
      labelsFile('unknown-key.json', { 'danger-statements': { en: { label: 'x' } } }),
      labelsFile('unknown-locale.json', { danger: { fr: { label: 'x' } } }),
      labelsFile('broken.json', '{ not json'),
      path.join(dir, 'missing.json'),
    ]
    for (const file of bad) {
      expect(() => loadConfig({ LABELS_FILE: file }), file).toThrow(ConfigError)
      expect(() => loadConfig({ LABELS_FILE: file }), file).toThrow(/LABELS_FILE/)
    }
  })
})

describe('the template chosen when a meeting is created', () => {
  it('lays out the chosen map, asks for a parent’s consent before Three Houses, and refuses unknown templates', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const create = (body: Record<string, unknown>) => api<{ id: string; code?: string }>(server.url, '/api/meetings', { token: apiKey, body: { title: 'Kai', ...body } })
    const docOf = async (meetingId: string) => {
      const peer = connectPeer({ url: server.url, meetingId, token: apiKey })
      peers.push(peer)
      await peer.synced()
      return peer.doc
    }

    const wellbeing = await create({ template: 'wellbeing' })
    expect(wellbeing.status).toBe(201)
    const wellbeingDoc = await docOf(wellbeing.body.id)
    expect(readZones(wellbeingDoc).find((z) => z.key === 'goals')?.templateId).toBe('wellbeing')

    const noConsent = await create({ template: 'three-houses' })
    expect(noConsent.status).toBe(400)
    expect(noConsent.body.code).toBe('PARENT_CONSENT_REQUIRED')
    expect((await create({ template: 'three-houses', parentConsent: { givenBy: '   ' } })).status).toBe(400)
    expect((await create({ template: 'genogram' })).status).toBe(400)

    const houses = await create({ template: 'three-houses', parentConsent: { givenBy: 'Jess, Kai’s mum' } })
    expect(houses.status).toBe(201)
    const map = readMap(await docOf(houses.body.id))
    expect(Object.values(map.sections).every((items) => items.length === 0)).toBe(true)
    expect(map.templates).toEqual([
      expect.objectContaining({ templateId: 'three-houses', parentConsent: expect.objectContaining({ givenBy: 'Jess, Kai’s mum', recordedByName: 'Ana Ruiz' }) }),
    ])

    const plain = await create({})
    expect(readZones(await docOf(plain.body.id)).some((z) => z.templateId !== undefined)).toBe(false)
  })
})

