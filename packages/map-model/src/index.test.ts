import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import * as mapModel from './index.ts'

const SRC = dirname(fileURLToPath(import.meta.url))
const RUNTIME_DEPENDENCIES_ALLOWED = new Set(['yjs', 'fractional-indexing'])

/** Every `import … from` / `export … from` of a file, with whether it is erased at run time. */
function importsOf(file: string): { specifier: string; typeOnly: boolean }[] {
  const source = readFileSync(file, 'utf8')
  const statements = source.matchAll(/^(import|export)\s+(type\s+)?[^;'"]*?from\s+['"]([^'"]+)['"]/gms)
  const sideEffects = source.matchAll(/^import\s+['"]([^'"]+)['"]/gm)
  return [
    ...[...statements].map((m) => ({ specifier: m[3]!, typeOnly: m[2] !== undefined })),
    ...[...sideEffects].map((m) => ({ specifier: m[1]!, typeOnly: false })),
  ]
}

/** Files and bare packages the main entry loads at run time, following relative imports. */
function runtimeGraph(entry: string) {
  const files = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string) => {
    if (files.has(file)) return
    files.add(file)
    for (const { specifier, typeOnly } of importsOf(file)) {
      if (typeOnly) continue
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier))
      else packages.add(specifier)
    }
  }
  visit(entry)
  return { files, packages }
}

describe('the main entry', () => {
  it('loads no tldraw, no Node built-in and nothing beyond yjs and fractional-indexing at run time', () => {
    const { files, packages } = runtimeGraph(resolve(SRC, 'index.ts'))
    expect(files.size).toBeGreaterThan(10)
    expect([...packages].filter((p) => !RUNTIME_DEPENDENCIES_ALLOWED.has(p))).toEqual([])
    for (const file of files) {
      expect(file, 'no test code in the runtime graph').not.toMatch(/\.test\.ts$|\/test\//)
      const source = readFileSync(file, 'utf8')
      expect(source, `${file} touches the DOM`).not.toMatch(/\b(window|document)\.\w|\blocalStorage\b/)
    }
  })

  it('sees a type-only tldraw import as erased but a value import as loaded', () => {
    // Guards the scanner above: the schema entry does load tldraw.
    const { packages } = runtimeGraph(resolve(SRC, 'schema.ts'))
    expect(packages).toContain('@tldraw/tlschema')
    expect(packages).toContain('@tldraw/validate')
  })

  it('exports the agreed names', () => {
    for (const name of [
      'LOCALES',
      'SECTION_KEYS',
      'COLUMN_KEYS',
      'RECORDS_ARRAY_NAME',
      'META_MAP_NAME',
      'ZONE_SHAPE_TYPE',
      'PAGE_ID',
      'TEMPLATE_VERSION',
      'zoneLabel',
      'zoneHint',
      'columnOf',
      'safetyMapTemplate',
      'writeSafetyMapTemplate',
      'readMeta',
      'readMap',
      'addItem',
      'findZoneAt',
      'richTextToPlainText',
      'toRichText',
    ]) {
      expect(mapModel, name).toHaveProperty(name)
    }
    expect(mapModel.RECORDS_ARRAY_NAME).toBe('records')
    expect(mapModel.META_MAP_NAME).toBe('meta')
    expect(mapModel.ZONE_SHAPE_TYPE).toBe('sm-zone')
    expect(mapModel.PAGE_ID).toBe('page:page')
  })
})
