import { HistoryManager, UserRecordType, createUserId, type TLRecord, type TLShape } from 'tldraw'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import {
  NETWORK_ORIGIN,
  connectDocs,
  createPeer,
  createTestStore,
  docRecordIds,
  documentRecords,
  ensureUsable,
  makeNote,
} from '../test/harness.ts'
import { LOCAL_FLUSH_INTERVAL_MS, bindStoreToYDoc } from './bindStoreToYDoc.ts'
import { SCHEMA_STATUS } from './reconcileDocSchema.ts'
import { openRecordsKeyValue } from './docLayout.ts'
import { isStoreOrigin } from './origins.ts'

const NOTE = 'shape:note1' as TLShape['id']

function shapeOf(peer: { store: ReturnType<typeof createTestStore> }, id: string) {
  return peer.store.get(id as TLShape['id']) as TLShape | undefined
}

afterEach(() => {
  vi.useRealTimers()
})

describe('two clients on two docs', () => {
  type Peer = ReturnType<typeof createPeer>
  type Step = (writer: Peer) => void
  const cases: Array<{ name: string; steps: Step[]; expectNote: (n: TLShape | undefined) => void }> = [
    {
      name: 'a created note appears on the other side',
      steps: [(w) => w.store.put([makeNote(NOTE, { x: 10 })])],
      expectNote: (n) => expect(n?.x).toBe(10),
    },
    {
      name: 'a moved note has the new position on the other side',
      steps: [
        (w) => w.store.put([makeNote(NOTE, { x: 10 })]),
        (w) => w.store.update(NOTE, (r) => ({ ...r, x: 200, y: 50 })),
      ],
      expectNote: (n) => expect([n?.x, n?.y]).toEqual([200, 50]),
    },
    {
      name: 'a deleted note is gone on the other side',
      steps: [(w) => w.store.put([makeNote(NOTE)]), (w) => w.store.remove([NOTE])],
      expectNote: (n) => expect(n).toBeUndefined(),
    },
  ]

  for (const { name, steps, expectNote } of cases) {
    for (const writerSide of ['first', 'second'] as const) {
      test(`${name} (written by the ${writerSide} client)`, () => {
        const a = createPeer()
        const b = createPeer()
        connectDocs(a.doc, b.doc)
        const [writer, reader] = writerSide === 'first' ? [a, b] : [b, a]
        for (const step of steps) {
          step(writer)
          writer.binding.flush()
        }
        expectNote(shapeOf(reader, NOTE))
        expect(documentRecords(reader.store)).toEqual(documentRecords(writer.store))
        expect(a.invalid).toEqual([])
        expect(b.invalid).toEqual([])
      })
    }
  }

  for (const order of ['a then b', 'b then a'] as const) {
    test(`concurrent edits of one note converge whichever update arrives first (${order})`, () => {
      const a = createPeer()
      const b = createPeer()
      const disconnect = connectDocs(a.doc, b.doc)
      a.store.put([makeNote(NOTE)])
      a.binding.flush()
      disconnect()

      const beforeA = Y.encodeStateVector(a.doc)
      const beforeB = Y.encodeStateVector(b.doc)
      a.store.update(NOTE, (r) => ({ ...r, x: 111 }))
      b.store.update(NOTE, (r) => ({ ...r, y: 222 }))
      a.binding.flush()
      b.binding.flush()
      const fromA = Y.encodeStateAsUpdate(a.doc, beforeA)
      const fromB = Y.encodeStateAsUpdate(b.doc, beforeB)
      if (order === 'a then b') {
        Y.applyUpdate(b.doc, fromA, NETWORK_ORIGIN)
        Y.applyUpdate(a.doc, fromB, NETWORK_ORIGIN)
      } else {
        Y.applyUpdate(a.doc, fromB, NETWORK_ORIGIN)
        Y.applyUpdate(b.doc, fromA, NETWORK_ORIGIN)
      }

      // Whole-record last-writer-wins: both sides end with the same single winner.
      expect(documentRecords(a.store)).toEqual(documentRecords(b.store))
      const winner = shapeOf(a, NOTE)
      expect([
        [111, 0],
        [0, 222],
      ]).toContainEqual([winner?.x, winner?.y])
      expect(openRecordsKeyValue(a.doc).get(NOTE)).toEqual(winner)
    })
  }
})

test('a remote change does not enter local undo history', () => {
  const a = createPeer()
  const b = createPeer()
  connectDocs(a.doc, b.doc)
  b.store.put([makeNote('shape:theirs', { x: 0 })])
  b.binding.flush()

  const history = new HistoryManager({ store: a.store })
  a.store.put([makeNote('shape:mine', { x: 5 })])
  a.binding.flush()
  const undosAfterLocalEdit = history.getNumUndos()

  b.store.update('shape:theirs' as TLShape['id'], (r) => ({ ...r, x: 300 }))
  b.binding.flush()
  expect(shapeOf(a, 'shape:theirs')?.x).toBe(300)
  expect(history.getNumUndos()).toBe(undosAfterLocalEdit)

  history.undo()
  a.binding.flush()
  // Undo removed only our own note; their move survives on both sides.
  expect(shapeOf(a, 'shape:mine')).toBeUndefined()
  expect(shapeOf(b, 'shape:mine')).toBeUndefined()
  expect(shapeOf(a, 'shape:theirs')?.x).toBe(300)
  history.dispose()
})

test('session-scope records such as camera, instance and pointer never enter the doc', () => {
  const a = createPeer()
  ensureUsable(a.store)
  const camera = a.store.get('camera:page:page' as TLRecord['id'])
  expect(camera).toBeDefined()
  a.store.put([{ ...(camera as TLRecord), x: 99 } as TLRecord])
  a.store.put([makeNote(NOTE)])
  a.binding.flush()

  const ids = docRecordIds(a.doc)
  expect(ids).toContain(NOTE)
  expect(ids).toContain('page:page')
  const prefixes = ids.map((id) => id.split(':')[0])
  for (const sessionType of ['camera', 'instance', 'instance_page_state', 'pointer', 'instance_presence']) {
    expect(prefixes).not.toContain(sessionType)
  }
})

test('an invalid remote record is skipped and the valid ones in the same transaction still apply', () => {
  const a = createPeer()
  const remote = new Y.Doc()
  connectDocs(a.doc, remote)
  const kv = new YKeyValue<unknown>(remote.getArray<{ key: string; val: unknown }>('records'))
  const bad = makeNote('shape:bad') as TLShape
  remote.transact(() => {
    kv.set('shape:good', makeNote('shape:good', { x: 7 }))
    kv.set('shape:bad', { ...bad, props: { ...bad.props, extra: true } })
    kv.set('camera:page:page', { id: 'camera:page:page', typeName: 'camera', x: 0, y: 0, z: 1, meta: {} })
    kv.set('shape:mislabelled', makeNote('shape:other'))
  }, 'remote writer')

  expect(shapeOf(a, 'shape:good')?.x).toBe(7)
  expect(shapeOf(a, 'shape:bad')).toBeUndefined()
  expect(a.invalid.map((r) => [r.id, r.reason]).sort()).toEqual([
    ['camera:page:page', 'not-document-scope'],
    ['shape:bad', 'validation-failed'],
    ['shape:mislabelled', 'key-mismatch'],
  ])
  expect(a.invalid.find((r) => r.id === 'shape:bad')?.message).toContain('extra')

  // Sync keeps working after the bad batch.
  kv.set('shape:later', makeNote('shape:later', { x: 8 }))
  expect(shapeOf(a, 'shape:later')?.x).toBe(8)
})

describe('schema in meta', () => {
  test('an empty doc gets our schema and the default page', () => {
    const a = createPeer()
    expect(a.doc.getMap('meta').get('schema')).toEqual(a.store.schema.serialize())
    expect(a.binding.getState()).toEqual({ loaded: true, schema: SCHEMA_STATUS.initialized, readonly: false })
    expect(docRecordIds(a.doc)).toEqual(['document:document', 'page:page'])
  })

  test('a doc written by a newer build makes the client too old and read-only', () => {
    const doc = new Y.Doc()
    const ours = createTestStore().schema.serialize()
    const newer = { ...ours, sequences: { ...ours.sequences, 'com.tldraw.shape.note': 99 } }
    doc.getMap('meta').set('schema', newer)
    const a = createPeer({ doc })
    expect(a.binding.getState()).toEqual({ loaded: true, schema: SCHEMA_STATUS.clientTooOld, readonly: true })

    a.store.put([makeNote(NOTE)])
    a.binding.flush()
    expect(docRecordIds(doc)).toEqual([])
    expect(doc.getMap('meta').get('schema')).toEqual(newer)
  })

  test('a doc naming a record type we do not know makes the client too old', () => {
    const doc = new Y.Doc()
    const ours = createTestStore().schema.serialize()
    doc.getMap('meta').set('schema', { ...ours, sequences: { ...ours.sequences, 'com.example.future': 1 } })
    expect(createPeer({ doc }).binding.getState().schema).toBe(SCHEMA_STATUS.clientTooOld)
  })

  test('a newer schema arriving later switches a running client to read-only', () => {
    const doc = new Y.Doc()
    const states: string[] = []
    const store = createTestStore()
    const binding = bindStoreToYDoc({ store, doc, synced: true, onStateChange: (s) => states.push(s.schema) })
    const remote = new Y.Doc()
    connectDocs(doc, remote)
    const ours = store.schema.serialize()
    remote.getMap('meta').set('schema', { ...ours, sequences: { ...ours.sequences, 'com.tldraw.shape.note': 99 } })

    expect(binding.getState()).toEqual({ loaded: true, schema: SCHEMA_STATUS.clientTooOld, readonly: true })
    expect(states).toEqual([SCHEMA_STATUS.initialized, SCHEMA_STATUS.initialized, SCHEMA_STATUS.clientTooOld])
  })

  test('an older doc is migrated and written back with our schema in one transaction', () => {
    const doc = new Y.Doc()
    const ours = createTestStore().schema.serialize()
    const older = { ...ours, sequences: { ...ours.sequences, 'com.tldraw.shape.note': 12 } }
    const current = makeNote(NOTE, { x: 3 }) as TLShape
    // Version 12 notes had textFirstEditedBy; 13 renamed it to textLastEditedBy.
    const { textLastEditedBy, ...rest } = current.props as { textLastEditedBy: null }
    const oldShaped = { ...current, props: { ...rest, textFirstEditedBy: textLastEditedBy } }
    doc.getMap('meta').set('schema', older)
    new YKeyValue<unknown>(doc.getArray<{ key: string; val: unknown }>('records')).set(NOTE, oldShaped)

    const ourTransactions: string[][] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (!isStoreOrigin(tr.origin)) return
      const names = [...tr.changed.keys()].map((type) =>
        (type as unknown) === doc.getMap('meta') ? 'meta' : (type as unknown) === doc.getArray('records') ? 'records' : 'other',
      )
      ourTransactions.push(names.sort())
    })
    const a = createPeer({ doc })
    expect(a.binding.getState().schema).toBe(SCHEMA_STATUS.migrated)
    expect(a.invalid).toEqual([])
    expect(shapeOf(a, NOTE)?.props).toEqual(current.props)
    expect((openRecordsKeyValue(doc).get(NOTE) as TLShape | undefined)?.props).toEqual(current.props)
    expect(doc.getMap('meta').get('schema')).toEqual(ours)
    // First the migration (records and schema together), then the page tldraw adds.
    expect(ourTransactions).toEqual([['meta', 'records'], ['records']])
  })
})

describe('before the first sync', () => {
  test('nothing is read or written until markSynced, so the shared page is not clobbered', () => {
    const a = createPeer()
    a.store.update('page:page' as TLRecord['id'], (p) => ({ ...p, name: 'Shared' }) as TLRecord)
    a.binding.flush()

    const b = createPeer({ synced: false })
    // The editor mounting early would do this; it must not reach the doc.
    ensureUsable(b.store)
    expect(b.binding.getState()).toEqual({ loaded: false, schema: SCHEMA_STATUS.pending, readonly: false })
    expect(docRecordIds(b.doc)).toEqual([])

    connectDocs(a.doc, b.doc)
    b.binding.markSynced()
    expect(b.binding.getState().schema).toBe(SCHEMA_STATUS.current)
    expect((b.store.get('page:page' as TLRecord['id']) as { name: string }).name).toBe('Shared')
    expect((a.store.get('page:page' as TLRecord['id']) as { name: string }).name).toBe('Shared')
  })
})

test('local edits are coalesced per record and written at most once per flush interval', () => {
  vi.useFakeTimers()
  const a = createPeer()
  const remote = new Y.Doc()
  connectDocs(a.doc, remote)
  let updates = 0
  a.doc.on('update', (_u: Uint8Array, origin: unknown) => {
    if (isStoreOrigin(origin)) updates++
  })
  a.store.put([makeNote(NOTE)])
  vi.advanceTimersByTime(LOCAL_FLUSH_INTERVAL_MS)
  updates = 0

  for (let x = 1; x <= 5; x++) a.store.update(NOTE, (r) => ({ ...r, x }))
  expect(updates).toBe(0)
  vi.advanceTimersByTime(LOCAL_FLUSH_INTERVAL_MS)
  expect(updates).toBe(1)
  expect((openRecordsKeyValue(remote).get(NOTE) as TLShape | undefined)?.x).toBe(5)
})

test('a read-only client applies remote edits but writes none of its own', () => {
  const a = createPeer()
  const viewer = createPeer({ doc: new Y.Doc(), readonly: true, synced: false })
  connectDocs(a.doc, viewer.doc)
  viewer.binding.markSynced()
  expect(viewer.binding.getState()).toMatchObject({ schema: SCHEMA_STATUS.current, readonly: true })

  a.store.put([makeNote(NOTE, { x: 4 })])
  a.binding.flush()
  expect(shapeOf(viewer, NOTE)?.x).toBe(4)

  viewer.store.put([makeNote('shape:viewer')])
  viewer.binding.flush()
  expect(shapeOf(a, 'shape:viewer')).toBeUndefined()
})

test('after dispose, neither side hears the other', () => {
  const a = createPeer()
  const b = createPeer()
  connectDocs(a.doc, b.doc)
  b.binding.dispose()
  a.store.put([makeNote(NOTE)])
  a.binding.flush()
  expect(shapeOf(b, NOTE)).toBeUndefined()
  b.store.put([makeNote('shape:late')])
  expect(docRecordIds(a.doc)).not.toContain('shape:late')
})

test('tldraw’s own user record stays on the device: never written to the doc, never removed by it', () => {
  const user = UserRecordType.create({ id: createUserId('p-screen'), name: 'Room screen', color: '#9f1239' })
  const screen = createPeer({ readonly: true })
  const facilitator = createPeer()
  connectDocs(screen.doc, facilitator.doc)
  ensureUsable(screen.store)
  screen.store.put([user])
  // The screen may now write (its role changed): tldraw's record of it must not go out with its next edit.
  screen.binding.setReadonly(false)
  screen.store.put([makeNote(NOTE)])
  screen.store.put([{ ...user, meta: {} }])
  screen.binding.flush()
  expect(docRecordIds(screen.doc)).toContain(NOTE)
  expect(docRecordIds(screen.doc).filter((id) => id.startsWith('user:'))).toEqual([])
  expect(screen.store.get(user.id)?.name).toBe('Room screen')
  // A user record an older client wrote into the doc is neither read nor a reason to drop ours.
  const old = UserRecordType.create({ id: createUserId('p-old'), name: 'Old client', color: '#000000' })
  facilitator.doc.transact(() => openRecordsKeyValue(facilitator.doc).set(old.id, old))
  expect(screen.store.get(old.id)).toBeUndefined()
  expect(screen.store.get(user.id)?.name).toBe('Room screen')
})
