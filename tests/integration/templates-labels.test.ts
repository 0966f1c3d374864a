/**
 * Per-deployment section labels (map-model MM-28): the server reads `LABELS_FILE` at start,
 * refuses to boot on unknown keys, and hands the labels to browsers in `GET /api/config`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../server/src/config.ts'
import { startServer, type TestServer } from '../helpers/servers.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'sm-labels-'))
const labelsFile = (name: string, value: unknown) => {
  const file = path.join(dir, name)
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value))
  return file
}

let server: TestServer | undefined
afterAll(async () => {
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
