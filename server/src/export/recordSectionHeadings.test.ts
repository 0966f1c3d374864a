import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { writeSafetyMapTemplate } from '@safetymap/map-model'
import { createSafetyMapSchema } from '@safetymap/map-model/schema'
import { draftExport } from './exportTestKit.ts'
import { recordSectionBlocks } from './itemBlocks.ts'

const T0 = Date.parse('2026-11-25T10:00:00Z')

describe('the record’s section headings of a Spanish map', () => {
  it('give the Spanish heading beside the English one, without brackets inside brackets', () => {
    const doc = new Y.Doc()
    writeSafetyMapTemplate(doc, { title: 'Kai', locale: 'es', schema: createSafetyMapSchema().serialize(), now: new Date(T0) })
    const headings = recordSectionBlocks(draftExport(doc, { title: 'Kai', locale: 'es', createdAt: T0 })).filter((b) => b.style === 'h2').map((b) => b.text)
    expect(headings).toContain('How safe are things? (0–10) / ¿Qué tan segura está la situación? (0–10)')
    expect(headings).toContain('Harm / Daño')
  })
})
