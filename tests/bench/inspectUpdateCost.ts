/**
 * Cost of the relay's per-update check (record validation + template protection + client ids)
 * on a typical edit: one sticky-note move in a 300-shape map. Prints µs per update for decoding
 * alone, for decode + inspect, and for applying the update, so the check's share is visible.
 *
 *   node --import tsx tests/bench/inspectUpdateCost.ts
 */
import { RECORDS_ARRAY_NAME, addItem, writeSafetyMapTemplate } from '@safetymap/map-model'
import { createSafetyMapSchema } from '@safetymap/map-model/schema'
import * as Y from 'yjs'
import { createRecordValidator } from '../../server/src/relay/createRecordValidator.ts'
import { inspectUpdate } from '../../server/src/relay/inspectUpdate.ts'

const ROUNDS = 5_000
const schema = createSafetyMapSchema()
const isValidRecord = createRecordValidator(schema)
const server = new Y.Doc()
writeSafetyMapTemplate(server, { title: 'T', locale: 'en', schema: schema.serialize() })
const client = new Y.Doc()
Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
const ids: string[] = []
for (let i = 0; i < 300; i++) ids.push(addItem(client, i % 2 ? 'danger' : 'strengths', `note ${i}`, { id: 'p', name: 'P' }))
Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))

// One move = YKeyValue's delete of the old entry + push of the new one.
const updates: Uint8Array[] = []
const records = client.getArray<{ key: string; val: { x: number } }>(RECORDS_ARRAY_NAME)
for (let i = 0; i < ROUNDS; i++) {
  const before = Y.encodeStateVector(client)
  const id = ids[i % ids.length]!
  const index = records.toArray().findIndex((entry) => entry.key === id)
  const entry = records.get(index)
  client.transact(() => {
    records.delete(index, 1)
    records.push([{ key: id, val: { ...entry.val, x: entry.val.x + 1 } }])
  })
  updates.push(Y.encodeStateAsUpdate(client, before))
}

const checked = new Y.Doc()
Y.applyUpdate(checked, Y.encodeStateAsUpdate(server))
const time = (label: string, run: (update: Uint8Array) => void): number => {
  const start = process.hrtime.bigint()
  for (const update of updates) run(update)
  const us = Number(process.hrtime.bigint() - start) / 1000 / updates.length
  console.log(`${label.padEnd(30)} ${us.toFixed(1)} µs/update`)
  return us
}
const decode = time('decode', (u) => void Y.decodeUpdate(u))
const apply = time('decode + apply', (u) => {
  Y.decodeUpdate(u)
  Y.applyUpdate(server, u)
})
const full = time('decode + inspect + apply', (u) => {
  const verdict = inspectUpdate({ doc: checked, decoded: Y.decodeUpdate(u), isValidRecord, mayEditTemplate: false })
  if (!verdict.ok) throw new Error(verdict.reason)
  Y.applyUpdate(checked, u)
})
const bytes = Math.round(updates.reduce((n, u) => n + u.byteLength, 0) / updates.length)
console.log(`inspect ≈ ${(full - apply).toFixed(1)} µs/update (decode ${decode.toFixed(1)} µs); ${bytes} bytes/update`)
