import { readMap } from '@safetymap/map-model'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { jumpTargets } from './jumpTargets.ts'

describe('jumpTargets', () => {
  it('offers the next steps on their own, after the column that holds them', () => {
    const targets = jumpTargets(readMap(new Y.Doc()), 'es', undefined, (key) => key)
    expect(targets.map((target) => target.anchorId)).toEqual([
      'phone-column-worries',
      'phone-column-working-well',
      'phone-column-needs',
      'phone-section-next-steps',
      'phone-section-scale',
      'phone-journal',
    ])
    expect(targets[3]?.label).toBe('Próximos pasos')
  })

  it('offers the safety journal last, after the map and its templates', () => {
    const targets = jumpTargets(readMap(new Y.Doc()), 'es', undefined, (key) => (key === 'journal.heading' ? 'Diario de seguridad' : key))
    expect(targets.at(-1)).toEqual({ anchorId: 'phone-journal', label: 'Diario de seguridad' })
  })
})
