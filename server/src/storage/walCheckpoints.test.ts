import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from './openDatabase.ts'
import { BACKSTOP_AUTOCHECKPOINT_PAGES, startWalCheckpoints } from './walCheckpoints.ts'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

function freshDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-wal-'))
  dirs.push(dir)
  const file = path.join(dir, 'safetymap.db')
  const db = openDatabase(file)
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body BLOB NOT NULL)')
  const insert = db.prepare('INSERT INTO notes (body) VALUES (?)')
  /** One commit per row, as the relay's group commits are. */
  const commit = (rows: number) => {
    for (let i = 0; i < rows; i++) insert.run(Buffer.alloc(700, i % 251))
  }
  return { db, file, commit }
}

const until = async (what: string, check: () => boolean, timeoutMs = 5_000) => {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('WAL checkpoints on a worker thread', () => {
  it('copies committed pages into the database file while the server’s connection does not checkpoint', async () => {
    const { db, file, commit } = freshDatabase()
    const errors: Error[] = []
    const checkpoints = startWalCheckpoints(db, { onError: (error) => errors.push(error), intervalMs: 20 })
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_AUTOCHECKPOINT_PAGES)
    const sizeBefore = fs.statSync(file).size
    // ~1,000 WAL pages: past SQLite's default threshold, far below the backstop, so only the
    // worker can have moved them into the database file.
    commit(500)
    await until('the database file holds the committed pages', () => fs.statSync(file).size > sizeBefore + 500 * 700)
    await checkpoints.stop()
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1_000)
    expect((db.prepare('SELECT COUNT(*) AS n FROM notes').get() as { n: number }).n).toBe(500)
    expect(errors).toEqual([])
    db.close()
  })

  it('hands checkpoints back to the connection and reports why when the worker cannot run', async () => {
    const { db, file, commit } = freshDatabase()
    // The worker opens the file by name; the server's connection keeps its open handle.
    fs.rmSync(file)
    const errors: Error[] = []
    startWalCheckpoints(db, { onError: (error) => errors.push(error), intervalMs: 20 })
    await until('the failure is reported', () => errors.length > 0)
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1_000)
    commit(10)
    expect((db.prepare('SELECT COUNT(*) AS n FROM notes').get() as { n: number }).n).toBe(10)
    db.close()
  })
})
