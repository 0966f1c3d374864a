import { describe, expect, test } from 'vitest'
import { createTestStore } from '../test/harness.ts'
import { checkDocSchema } from './checkDocSchema.ts'

const schema = createTestStore().schema
const ours = schema.serialize()
const withNote = (version: number) => ({
  ...ours,
  sequences: { ...ours.sequences, 'com.tldraw.shape.note': version },
})

describe('checkDocSchema', () => {
  const cases: Array<[string, unknown, string]> = [
    ['no schema in the doc is missing', undefined, 'missing'],
    ['our own schema is current', ours, 'current'],
    ['an older note sequence needs migration', withNote(11), 'needs-migration'],
    ['a newer note sequence means the client is too old', withNote(99), 'client-too-old'],
    [
      'an unknown sequence means the client is too old',
      { ...ours, sequences: { ...ours.sequences, 'com.safetymap.future': 1 } },
      'client-too-old',
    ],
    ['a string is invalid', 'v2', 'invalid'],
    ['a schemaVersion we do not know is invalid', { schemaVersion: 3, sequences: {} }, 'invalid'],
    ['a non-integer version is invalid', withNote(1.5), 'invalid'],
  ]
  for (const [name, value, kind] of cases) {
    test(name, () => {
      expect(checkDocSchema(schema, value).kind).toBe(kind)
    })
  }

  test('the migrations to run are listed by id', () => {
    const verdict = checkDocSchema(schema, withNote(11))
    expect(verdict.kind === 'needs-migration' && verdict.migrationIds).toEqual([
      'com.tldraw.shape.note/12',
      'com.tldraw.shape.note/13',
    ])
  })
})
