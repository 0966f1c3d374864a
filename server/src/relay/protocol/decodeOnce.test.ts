import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyCheckedUpdate } from './decodeOnce.ts'
import { checkUpdate } from './sync.ts'

const record = (id: string, x: number) => ({ key: id, val: { id, typeName: 'shape', x, y: 2, props: { text: 'Grandma picks them up', w: 200 } } })

/** An update writing two records and a map entry, as a client would send it. */
function clientUpdate(): Uint8Array {
  const client = new Y.Doc()
  client.transact(() => {
    client.getArray('records').push([record('shape:a', 1), record('shape:b', 2)])
    client.getMap('meta').set('title', 'Safety map')
  })
  return Y.encodeStateAsUpdate(client)
}

function checked(update: Uint8Array) {
  const result = checkUpdate(update)
  if (!result.ok) throw new Error(result.reason)
  return result.value
}

const valuesInUpdate = (decoded: ReturnType<typeof checked>) =>
  decoded.structs.flatMap((struct) => (struct instanceof Y.Item && struct.content instanceof Y.ContentAny ? struct.content.arr : []))

describe('applyCheckedUpdate', () => {
  it('gives the doc the values its check read, without decoding them again', () => {
    const update = clientUpdate()
    const decoded = checked(update)
    const doc = new Y.Doc()
    applyCheckedUpdate(doc, update, decoded, null)
    const stored = doc.getArray('records').toArray()
    // The very objects the check decoded (and the record validators saw) are in the doc.
    expect(stored).toHaveLength(2)
    const records = valuesInUpdate(decoded).filter((value) => typeof value === 'object')
    expect(records).toHaveLength(2)
    for (const [index, value] of records.entries()) expect(stored[index]).toBe(value)
    expect(doc.getMap('meta').get('title')).toBe('Safety map')
  })

  it('builds the same doc as Yjs applying the bytes itself', () => {
    const update = clientUpdate()
    const ours = new Y.Doc()
    const yjs = new Y.Doc()
    applyCheckedUpdate(ours, update, checked(update), null)
    Y.applyUpdate(yjs, update)
    expect(ours.getArray('records').toJSON()).toEqual(yjs.getArray('records').toJSON())
    expect(Y.encodeStateAsUpdate(ours)).toEqual(Y.encodeStateAsUpdate(yjs))
  })

  it('decodes for itself when given another update’s check', () => {
    const update = clientUpdate()
    const other = checked(clientUpdate())
    const doc = new Y.Doc()
    applyCheckedUpdate(doc, update, other, null)
    const stored = doc.getArray('records').toArray()
    expect(stored).toEqual([record('shape:a', 1), record('shape:b', 2)])
    for (const value of valuesInUpdate(other).filter((value) => typeof value === 'object')) expect(stored).not.toContain(value)
  })
})
