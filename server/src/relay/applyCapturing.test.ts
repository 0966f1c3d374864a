import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyForwarding } from './applyCapturing.ts'

const origin = {}
const edits = (doc: Y.Doc, change: () => void): Uint8Array => {
  const before = Y.encodeStateVector(doc)
  change()
  return Y.encodeStateAsUpdate(doc, before)
}
const stateOf = (doc: Y.Doc) => doc.getMap('notes').toJSON()

describe('applyForwarding', () => {
  it('returns a live edit as received, and the doc holds it', () => {
    const client = new Y.Doc()
    const server = new Y.Doc()
    Y.applyUpdate(server, edits(client, () => client.getMap('notes').set('a', 1)))
    const update = edits(client, () => client.getMap('notes').set('b', 2))
    expect(applyForwarding(server, update, Y.decodeUpdate(update), origin)).toBe(update)
    expect(stateOf(server)).toEqual({ a: 1, b: 2 })
  })

  it('returns null for what the doc already holds', () => {
    const client = new Y.Doc()
    const server = new Y.Doc()
    const update = edits(client, () => client.getMap('notes').set('a', 1))
    Y.applyUpdate(server, update)
    expect(applyForwarding(server, update, Y.decodeUpdate(update), origin)).toBeNull()
  })

  it('returns only the new part of an update that overlaps the doc', () => {
    const client = new Y.Doc()
    const server = new Y.Doc()
    const first = edits(client, () => client.getMap('notes').set('a', 1))
    Y.applyUpdate(server, first)
    edits(client, () => client.getMap('notes').set('b', 2))
    const everything = Y.encodeStateAsUpdate(client)
    const forwarded = applyForwarding(server, everything, Y.decodeUpdate(everything), origin)
    expect(forwarded).not.toBeNull()
    expect(Y.decodeUpdate(forwarded!).structs.map((struct) => struct.id.clock)).toEqual([1])
    const peer = new Y.Doc()
    Y.applyUpdate(peer, first)
    Y.applyUpdate(peer, forwarded!)
    expect(stateOf(peer)).toEqual({ a: 1, b: 2 })
  })

  it('never forwards structs that wait for a missing earlier change', () => {
    const client = new Y.Doc()
    const server = new Y.Doc()
    edits(client, () => client.getArray('list').insert(0, ['first']))
    const second = edits(client, () => client.getArray('list').insert(1, ['second']))
    expect(applyForwarding(server, second, Y.decodeUpdate(second), origin)).toBeNull()
    expect(server.getArray('list').toJSON()).toEqual([])
  })

  it('forwards a deletion once, then nothing', () => {
    const client = new Y.Doc()
    const server = new Y.Doc()
    Y.applyUpdate(server, edits(client, () => client.getMap('notes').set('a', 1)))
    const removal = edits(client, () => client.getMap('notes').delete('a'))
    expect(applyForwarding(server, removal, Y.decodeUpdate(removal), origin)).toBe(removal)
    expect(stateOf(server)).toEqual({})
    expect(applyForwarding(server, removal, Y.decodeUpdate(removal), origin)).toBeNull()
  })

  it('forwards only what integrated when part of an edit refers to another client’s item the doc lacks', () => {
    const author = new Y.Doc()
    const editor = new Y.Doc()
    const server = new Y.Doc()
    Y.applyUpdate(editor, edits(author, () => author.getArray('list').insert(0, ['by author'])))
    const update = edits(editor, () => {
      editor.getMap('notes').set('x', 1)
      editor.getArray('list').insert(1, ['after it'])
    })
    const forwarded = applyForwarding(server, update, Y.decodeUpdate(update), origin)
    expect(forwarded).not.toBeNull()
    expect(Y.decodeUpdate(forwarded!).structs).toHaveLength(1)
    expect(stateOf(server)).toEqual({ x: 1 })
  })
})
