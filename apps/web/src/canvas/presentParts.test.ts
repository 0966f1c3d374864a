import { placeTemplate, readZones, writeSafetyMapTemplate } from '@safetymap/map-model'
import { createSafetyMapSchema } from '@safetymap/map-model/schema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { presentPartName, presentParts } from './presentParts.ts'

describe('presentParts', () => {
  it('steps from the whole map through each column, the 0–10 band and each placed template, named in the facilitator’s language', () => {
    const doc = new Y.Doc()
    writeSafetyMapTemplate(doc, { title: 'Kai', locale: 'en', schema: createSafetyMapSchema().serialize(), now: new Date(0) })
    placeTemplate(doc, 'three-houses')
    const parts = presentParts(readZones(doc))
    const t = (key: string) => (key === 'toolkit.present.whole' ? 'Todo el mapa' : key)
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
})
