import { placeTemplate, readZones, writeSafetyMapTemplate } from '@safetymap/map-model'
import { createSafetyMapSchema } from '@safetymap/map-model/schema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { presentPartName, presentParts } from './presentParts.ts'

/** Enough of the catalogue for part names: its Spanish words for these two messages. */
function t(key: string, vars?: Readonly<Record<string, string | number>>): string {
  if (key === 'toolkit.present.whole') return 'Todo el mapa'
  if (key === 'toolkit.present.section') return `${vars?.column} · ${vars?.section}`
  return key
}

function mapWithThreeHouses(): Y.Doc {
  const doc = new Y.Doc()
  writeSafetyMapTemplate(doc, { title: 'Kai', locale: 'en', schema: createSafetyMapSchema().serialize(), now: new Date(0) })
  placeTemplate(doc, 'three-houses')
  return doc
}

describe('presentParts', () => {
  it('steps from the whole map through each column, the 0–10 band and each placed template, named in the facilitator’s language', () => {
    const parts = presentParts(readZones(mapWithThreeHouses()), () => true)
    expect(parts.map((part) => presentPartName(part, 'es', t))).toEqual([
      'Todo el mapa',
      '¿Qué nos preocupa?',
      '¿Qué está funcionando bien?',
      '¿Qué tiene que pasar?',
      '¿Qué tan segura está la situación? (0–10)',
      'templates.three-houses',
    ])
    // A column is its heading strip and the sections under it (2180×2300 map: 700 wide columns).
    expect(parts[1]).toMatchObject({ bounds: { x: 0, y: 0, w: 700 } })
    expect(parts[1]!.kind === 'column' && parts[1]!.bounds.h).toBeGreaterThan(1_500)
    expect(parts[5]!.kind === 'template' && parts[5]!.bounds.x).toBeGreaterThan(2_180)
  })

  it('follows a column too tall to read whole with its sections, top to bottom, each named under its column', () => {
    // As if only the worries column (the left one) were too tall to read whole on the screen.
    const parts = presentParts(readZones(mapWithThreeHouses()), (bounds) => bounds.x > 0)
    expect(parts.map((part) => presentPartName(part, 'es', t)).slice(0, 6)).toEqual([
      'Todo el mapa',
      '¿Qué nos preocupa?',
      '¿Qué nos preocupa? · Daño',
      '¿Qué nos preocupa? · Declaraciones de peligro',
      '¿Qué nos preocupa? · Factores que complican',
      '¿Qué está funcionando bien?',
    ])
    // The agency's own headings (LABELS_FILE, map-model MM-28) name the parts as the board heads them.
    const labels = { worries: { es: { label: 'Lo que tememos' } }, danger: { es: { label: 'Preocupaciones sobre el futuro' } } }
    expect(presentPartName(parts[3]!, 'es', t, labels)).toBe('Lo que tememos · Preocupaciones sobre el futuro')
    // Each section is framed on its own: the worries column's 700-wide sections, one under the other.
    const sections = parts.slice(2, 5).map((part) => (part.kind === 'section' ? part.bounds : null))
    expect(sections.every((b) => b !== null && b.x === 0 && b.w === 700 && b.h < 700)).toBe(true)
    expect(sections[0]!.y).toBeLessThan(sections[1]!.y)
    expect(sections[1]!.y).toBeLessThan(sections[2]!.y)
    expect(parts).toHaveLength(9)
  })
})
