/**
 * Per-deployment section labels (map-model MM-28): the server reads `LABELS_FILE` at start,
 * refuses to boot on unknown keys, and hands the labels to browsers in `GET /api/config`. And the
 * template chosen when a meeting is created (MM-34): the map every member's doc receives.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../server/src/config.ts'
import { readMap, readZones } from '@safetymap/map-model'
import { startServer, type TestServer } from '../helpers/servers.ts'
import { api, connectPeer, type Peer } from '../helpers/clients.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'sm-labels-'))
const labelsFile = (name: string, value: unknown) => {
  const file = path.join(dir, name)
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value))
  return file
}

let server: TestServer | undefined
const peers: Peer[] = []
afterAll(async () => {
  for (const peer of peers) peer.destroy()
  await server?.close()
})

describe('LABELS_FILE', () => {
  it('hands the agency’s headings to browsers through /api/config', async () => {
    const labels = { danger: { en: { label: 'Worries about the future' }, es: { label: 'Preocupaciones sobre el futuro' } } }
    server = await startServer({ env: { LABELS_FILE: labelsFile('good.json', labels) } })
    const res = await fetch(`${server.url}/api/config`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ tldrawLicenseKey: null, labels })
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
    server ??= await startServer()
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const create = (body: Record<string, unknown>) => api<{ id: string; code?: string }>(server!.url, '/api/meetings', { token: apiKey, body: { title: 'Kai', ...body } })
    const docOf = async (meetingId: string) => {
      const peer = connectPeer({ url: server!.url, meetingId, token: apiKey })
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

