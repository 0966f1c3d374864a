import { addItem, addTemplateItem, placeTemplate, readMap, writeSafetyMapTemplate } from '@safetymap/map-model'
import { createSafetyMapSchema } from '@safetymap/map-model/schema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { itemIds, newItemsSince } from './newItems.ts'

const lorna = { id: 'p-lorna', name: 'Lorna' }
const jess = { id: 'p-jess', name: 'Jess' }

describe('newItemsSince', () => {
  it('gives the notes others added since the last look, with where they are, in the person’s language', () => {
    const doc = new Y.Doc()
    writeSafetyMapTemplate(doc, { title: 'Kai', locale: 'en', schema: createSafetyMapSchema().serialize(), now: new Date(0), templateId: 'wellbeing' })
    addItem(doc, 'strengths', 'already there', lorna)
    const seen = itemIds(readMap(doc))
    addItem(doc, 'danger', 'Kai could miss school', lorna)
    addItem(doc, 'strengths', 'my own note', jess)
    const houses = placeTemplate(doc, 'three-houses').placementId
    addTemplateItem(doc, houses, 'house-good-things', 'football', lorna)
    expect(newItemsSince(seen, readMap(doc), jess.id, 'es').map(({ heading, text }) => [heading, text])).toEqual([
      ['Declaraciones de preocupación', 'Kai could miss school'],
      ['Casa de las cosas buenas', 'football'],
    ])
  })
})
