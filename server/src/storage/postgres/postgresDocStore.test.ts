import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { docStoreContract, edit, notesOf, unwrap } from '../testing/docStoreContract.ts'
import { migratePostgres } from './migratePostgres.ts'
import { openPostgres } from './openPostgres.ts'
import { createPostgresDocStore } from './postgresDocStore.ts'
import { POSTGRES_MIGRATIONS } from './postgresMigrations.ts'
import { createTestDatabase, idleErrors, skipReasonWithoutPostgres, type TestDatabase } from './testing/testDatabase.ts'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const skipReason = skipReasonWithoutPostgres('the PostgreSQL doc store tests')
const idle = idleErrors()

describe.skipIf(skipReason !== null)('PostgreSQL doc store', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase(process.env.DATABASE_URL as string)
  })
  // A connection that failed while idle would have failed a real server's next query.
  afterEach(() => expect(idle.errors).toEqual([]))
  afterAll(async () => {
    await database?.drop()
  })

  describe('contract', () => {
    docStoreContract(async () => {
      const pool = await openPostgres({ url: database.url, onIdleError: idle.onIdleError })
      // One database per file: every test starts from empty tables.
      await pool.query('TRUNCATE doc_heads, doc_updates, doc_snapshots')
      return {
        store: createPostgresDocStore(pool),
        async openAnother() {
          const other = await openPostgres({ url: database.url, onIdleError: idle.onIdleError })
          return { store: createPostgresDocStore(other), close: () => other.end() }
        },
        async countTail(docId) {
          const { rows } = await pool.query<{ updates: number; bytes: number }>(
            'SELECT count(*)::int AS updates, COALESCE(sum(octet_length(data)), 0)::int AS bytes FROM doc_updates WHERE doc_id = $1',
            [docId],
          )
          return rows[0] as { updates: number; bytes: number }
        },
        async refuseAppends(onlyDocId) {
          const when = onlyDocId === undefined ? '' : `WHEN (NEW.doc_id = '${onlyDocId}')`
          await pool.query(`CREATE OR REPLACE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$;
            CREATE TRIGGER refuse BEFORE INSERT ON doc_updates FOR EACH ROW ${when} EXECUTE FUNCTION refuse()`)
        },
        async close() {
          await pool.query('DROP TRIGGER IF EXISTS refuse ON doc_updates')
          await pool.end()
        },
      }
    })
  })

  it('migrates once when several instances start at the same moment, and again finds nothing to do', async () => {
    const fresh = await createTestDatabase(process.env.DATABASE_URL as string)
    // Raw pools (migratePostgres alone, as each instance runs it): without an error listener a pool
    // throws what its connections hear, and dropping the database below ends connections that
    // pg's `pool.end()` has not closed yet (it resolves first). Errors before the drop still fail.
    const poolErrors: Error[] = []
    const pools = Array.from({ length: 4 }, () => new pg.Pool({ connectionString: fresh.url, max: 1 }).on('error', (error) => poolErrors.push(error)))
    try {
      const applied = await Promise.all(pools.map((pool) => migratePostgres(pool, POSTGRES_MIGRATIONS)))
      expect(applied.flat().sort((a, b) => a - b)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version))
      expect(await migratePostgres(pools[0] as pg.Pool, POSTGRES_MIGRATIONS)).toEqual([])
      const { rows } = await (pools[0] as pg.Pool).query('SELECT version FROM schema_migrations ORDER BY version')
      expect(rows.map((row) => row.version)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version))
    } finally {
      await Promise.all(pools.map((pool) => pool.end()))
      const beforeDrop = [...poolErrors]
      await fresh.drop()
      expect(beforeDrop).toEqual([])
    }
  })

  it('loses no update when several processes append to one doc and each compacts with only its own edits', async () => {
    const labels = ['ana', 'ben', 'cai']
    const editsEach = 60
    const exits = labels.map(
      (label) =>
        new Promise<{ code: number | null; output: string }>((resolve) => {
          const child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'testing/appendFromProcess.ts'), database.url, 'shared', label, String(editsEach)], {
            stdio: ['ignore', 'pipe', 'pipe'],
          })
          let output = ''
          child.stdout.on('data', (d) => (output += String(d)))
          child.stderr.on('data', (d) => (output += String(d)))
          child.on('exit', (code) => resolve({ code, output }))
        }),
    )
    for (const exit of await Promise.all(exits)) expect(exit.code, exit.output).toBe(0)

    const pool = await openPostgres({ url: database.url, onIdleError: idle.onIdleError })
    try {
      const store = createPostgresDocStore(pool)
      const loaded = unwrap(await store.load('shared'))
      const notes = loaded ? notesOf(loaded.state) : {}
      const expected = labels.flatMap((label) => Array.from({ length: editsEach }, (_, i) => `${label}-${i}`))
      expect(Object.keys(notes).sort()).toEqual(expected.sort())
      // Each process compacted: most rows left the tail, and the counters match the rows.
      const { rows } = await pool.query<{ updates: number }>("SELECT count(*)::int AS updates FROM doc_updates WHERE doc_id = 'shared'")
      expect(rows[0]?.updates).toBeLessThan(labels.length * editsEach)
      expect(unwrap(await store.tailStats('shared')).updates).toBe(rows[0]?.updates)
      expect(loaded?.lastSeq).toBe(labels.length * editsEach)
    } finally {
      await pool.end()
    }
  }, 60_000)

  it('keeps appends from several connections in sequence order, so a compaction through the last seen seq hides nothing', async () => {
    const pools = await Promise.all([0, 1, 2].map(() => openPostgres({ url: database.url, onIdleError: idle.onIdleError })))
    try {
      const stores = pools.map((pool) => createPostgresDocStore(pool))
      const docs = stores.map(() => new Y.Doc())
      const reader = stores[0] as ReturnType<typeof createPostgresDocStore>
      // Writers race; meanwhile a reader repeatedly loads and compacts through what it loaded.
      const writers = stores.map(async (store, n) => {
        for (let i = 0; i < 40; i++) unwrap(await store.appendUpdate('race', edit(docs[n] as Y.Doc, `w${n}-${i}`, 'x')))
      })
      let compactions = 0
      const compactor = (async () => {
        for (let i = 0; i < 15; i++) {
          const loaded = unwrap(await reader.load('race'))
          if (loaded) {
            unwrap(await reader.compact('race', { state: loaded.state, throughSeq: loaded.lastSeq }))
            compactions++
          }
        }
      })()
      await Promise.all([...writers, compactor])
      const loaded = unwrap(await reader.load('race'))
      expect(loaded && Object.keys(notesOf(loaded.state))).toHaveLength(120)
      expect(compactions).toBeGreaterThan(0)
    } finally {
      await Promise.all(pools.map((pool) => pool.end()))
    }
  })
})
