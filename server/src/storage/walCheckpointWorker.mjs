// The worker thread of `walCheckpoints.ts`: its own connection to the server's SQLite file,
// copying committed WAL pages into the database every `intervalMs`. PASSIVE never waits for, nor
// blocks, the server's writer. Plain JS: worker threads do not inherit the TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'

const { file, intervalMs, busyTimeoutMs } = workerData
const db = new Database(file, { fileMustExist: true })
db.pragma(`busy_timeout = ${busyTimeoutMs}`)

const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch (error) {
    // Reported, and the worker ends: the server's own connection takes checkpoints back.
    clearInterval(timer)
    db.close()
    parentPort?.postMessage({ failed: error instanceof Error ? error.message : String(error) })
    parentPort?.close()
  }
}
const timer = setInterval(checkpoint, intervalMs)

parentPort?.on('message', (message) => {
  if (message !== 'stop') return
  clearInterval(timer)
  if (db.open) db.close()
  parentPort?.close()
})
