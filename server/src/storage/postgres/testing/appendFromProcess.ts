/**
 * One of several processes editing the same doc in `postgresDocStore.test.ts`: it appends its own
 * edits and compacts with its own state, which never holds the other processes' updates, the way a
 * relay instance compacts before another instance's updates have reached it.
 *
 *   node --import tsx appendFromProcess.ts <databaseUrl> <docId> <label> <edits>
 */
import * as Y from 'yjs'
import { createPostgresDocStore } from '../postgresDocStore.ts'
import { openPostgres } from '../openPostgres.ts'

const COMPACT_EVERY_EDITS = 7

const [url, docId, label, edits] = process.argv.slice(2)
if (!url || !docId || !label || !edits) throw new Error('usage: appendFromProcess <databaseUrl> <docId> <label> <edits>')

const pool = await openPostgres({ url, onIdleError: (error) => console.error(error) })
const store = createPostgresDocStore(pool)
const doc = new Y.Doc()
const updates: Uint8Array[] = []
doc.on('update', (update: Uint8Array) => updates.push(update))
try {
  for (let i = 0; i < Number(edits); i++) {
    doc.getMap('notes').set(`${label}-${i}`, `${label} wrote ${i}`)
    const appended = await store.appendUpdate(docId, updates.shift() as Uint8Array)
    if (!appended.ok) throw new Error(`append failed: ${appended.error.code}`)
    if (i % COMPACT_EVERY_EDITS === COMPACT_EVERY_EDITS - 1) {
      // throughSeq is this process's last seq: the other processes' updates below it are not in `doc`.
      const compacted = await store.compact(docId, { state: Y.encodeStateAsUpdate(doc), throughSeq: appended.value.seq })
      if (!compacted.ok) throw new Error(`compaction failed: ${compacted.error.code}`)
    }
  }
} finally {
  await pool.end()
}
