import { META_MAP_NAME, RECORDS_ARRAY_NAME, addItem, writeSafetyMapTemplate } from '@safetymap/map-model'
import { createSafetyMapSchema } from '@safetymap/map-model/schema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createRecordValidator } from './createRecordValidator.ts'
import { inspectUpdate } from './inspectUpdate.ts'

const isValidRecord = createRecordValidator(createSafetyMapSchema())

/** The server's doc (seeded template) and a client synced to it. */
const setup = () => {
  const server = new Y.Doc()
  writeSafetyMapTemplate(server, { title: 'T', locale: 'en', schema: createSafetyMapSchema().serialize() })
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  /** What `edit` writes on the client, inspected against the server doc. */
  const inspect = (edit: (doc: Y.Doc) => void, mayEditTemplate = false) => {
    const before = Y.encodeStateVector(client)
    edit(client)
    const decoded = Y.decodeUpdate(Y.encodeStateAsUpdate(client, before))
    return inspectUpdate({ doc: server, decoded, isValidRecord, mayEditTemplate })
  }
  return { server, client, inspect }
}

const badNote = { key: 'shape:bad', val: { id: 'shape:bad', typeName: 'shape', type: 'note' } }

describe('inspectUpdate', () => {
  it('accepts a valid note and reports the client id it writes under', () => {
    const { client, inspect } = setup()
    const verdict = inspect((doc) => addItem(doc, 'danger', 'A worry', { id: 'p', name: 'P' }))
    expect(verdict).toEqual({ ok: true, clients: new Set([client.clientID]) })
  })

  it('finds an invalid record inserted mid-array, whose parent is known only through its origin in the doc', () => {
    const { inspect } = setup()
    expect(inspect((doc) => doc.getArray(RECORDS_ARRAY_NAME).insert(2, [badNote]))).toEqual({ ok: false, reason: 'INVALID_RECORD' })
  })

  it('refuses entries whose key is not the record id, and non-entries in records', () => {
    const { inspect } = setup()
    expect(inspect((doc) => doc.getArray(RECORDS_ARRAY_NAME).push(['just a string']))).toMatchObject({ ok: false, reason: 'INVALID_RECORD' })
  })

  it('refuses a zone overwrite and a meta write from a non-facilitator, not from a facilitator', () => {
    const writeZone = (doc: Y.Doc) => {
      const records = doc.getArray<{ key: string; val: object }>(RECORDS_ARRAY_NAME)
      const index = records.toArray().findIndex((entry) => entry.key === 'shape:zone-harm')
      const zone = records.get(index)
      records.delete(index, 1)
      records.push([{ key: zone.key, val: { ...zone.val, isLocked: false } }])
    }
    expect(setup().inspect(writeZone)).toEqual({ ok: false, reason: 'TEMPLATE_PROTECTED' })
    expect(setup().inspect(writeZone, true)).toMatchObject({ ok: true })
    expect(setup().inspect((doc) => doc.getMap(META_MAP_NAME).set('status', 'finalized'))).toEqual({ ok: false, reason: 'TEMPLATE_PROTECTED' })
    expect(setup().inspect((doc) => doc.getMap(META_MAP_NAME).delete('title'))).toEqual({ ok: false, reason: 'TEMPLATE_PROTECTED' })
  })

  it('accepts an offline client’s catch-up, whose entries added and then removed arrive as ContentDeleted', () => {
    const { client, inspect } = setup()
    const verdict = inspect((doc) => {
      const id = addItem(doc, 'danger', 'A worry', { id: 'p', name: 'P' })
      addItem(doc, 'danger', 'Another worry', { id: 'p', name: 'P' })
      const records = doc.getArray<{ key: string }>(RECORDS_ARRAY_NAME)
      records.delete(records.toArray().findIndex((entry) => entry.key === id), 1)
    })
    expect(verdict).toEqual({ ok: true, clients: new Set([client.clientID]) })
  })

  it('accepts a non-facilitator re-sending the whole doc it already shares (a stored local copy), claiming no client ids', () => {
    const { server, client } = setup()
    addItem(client, 'strengths', 'Lorna walks Kai to school', { id: 'p', name: 'P' })
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client))
    // The full state includes the template's zones and meta, written under the server's client id.
    const decoded = Y.decodeUpdate(Y.encodeStateAsUpdate(client))
    expect(inspectUpdate({ doc: server, decoded, isValidRecord, mayEditTemplate: false })).toEqual({ ok: true, clients: new Set() })
  })

  it('refuses structs whose parent is neither in the update nor in the doc', () => {
    const { server } = setup()
    const elsewhere = new Y.Doc()
    elsewhere.getArray(RECORDS_ARRAY_NAME).push([badNote])
    const base = Y.encodeStateAsUpdate(elsewhere)
    elsewhere.getArray(RECORDS_ARRAY_NAME).insert(1, [badNote])
    const decoded = Y.decodeUpdate(Y.encodeStateAsUpdate(elsewhere, Y.encodeStateVectorFromUpdate(base)))
    expect(inspectUpdate({ doc: server, decoded, isValidRecord, mayEditTemplate: true })).toEqual({ ok: false, reason: 'UNRESOLVED_PARENT' })
  })
})
