import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { updateWritesSomething } from './updateWritesSomething.ts'

describe('updateWritesSomething', () => {
  it('is false for a re-sent copy with its delete set, true for a new insert or a new delete', () => {
    const room = new Y.Doc()
    const client = new Y.Doc()
    const list = client.getArray<string>('records')
    list.push(['a', 'b', 'c'])
    list.delete(0, 1)
    Y.applyUpdate(room, Y.encodeStateAsUpdate(client))

    // What a reconnecting client sends in sync step 2 when it has nothing new.
    const resend = Y.encodeStateAsUpdate(client, Y.encodeStateVector(room))
    expect(updateWritesSomething(room, Y.decodeUpdate(resend))).toBe(false)
    expect(updateWritesSomething(room, Y.decodeUpdate(Y.encodeStateAsUpdate(client)))).toBe(false)

    list.delete(0, 1)
    expect(updateWritesSomething(room, Y.decodeUpdate(Y.encodeStateAsUpdate(client, Y.encodeStateVector(room))))).toBe(true)

    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(room))
    other.getArray<string>('records').push(['d'])
    expect(updateWritesSomething(room, Y.decodeUpdate(Y.encodeStateAsUpdate(other, Y.encodeStateVector(room))))).toBe(true)
  })
})
