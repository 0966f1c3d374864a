/**
 * WAL checkpoints off the event loop. SQLite checkpoints automatically inside the commit that
 * takes the WAL past 1,000 pages, on the thread that commits: under the 500-connection benchmark
 * that was 2.5 checkpoints a second of ~5.6 ms each (two fsyncs and the page copies), every one a
 * stall for every meeting on the server. Here a worker thread with its own connection runs a
 * PASSIVE checkpoint every second (it never blocks the writer, nor waits for it), and the
 * server's connection keeps an automatic checkpoint only as a backstop, at 16,384 pages (64 MiB).
 * If the worker fails, the connection goes back to SQLite's default of 1,000 pages.
 *
 * Durability is unchanged: a commit is durable once it is in the WAL (`openDatabase`).
 *
 * ```ts
 * const checkpoints = startWalCheckpoints(db, { onError: (err) => log.warn({ err }, '…') })
 * …
 * await checkpoints.stop()   // before db.close()
 * ```
 */
import { Worker } from 'node:worker_threads'
import type { Database } from 'better-sqlite3'
import { SQLITE_BUSY_TIMEOUT_MS } from './openDatabase.ts'

/** SQLite's own default automatic checkpoint threshold, in pages. */
const SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES = 1_000
/** The server's connection checkpoints by itself only past this many pages (the worker is stuck). */
export const BACKSTOP_AUTOCHECKPOINT_PAGES = 16_384
const CHECKPOINT_INTERVAL_MS = 1_000

export interface WalCheckpointsOptions {
  /** Why the worker stopped checkpointing (the connection has taken checkpoints back). */
  onError(error: Error): void
  /** How often the worker checkpoints; tests shorten it. */
  readonly intervalMs?: number
}

export interface WalCheckpoints {
  /** Stops the worker and hands checkpoints back to the connection; call before closing it. */
  stop(): Promise<void>
}

/** Starts checkpointing `db`'s WAL on a worker thread. `db` must be a WAL database on a file. */
export function startWalCheckpoints(db: Database, options: WalCheckpointsOptions): WalCheckpoints {
  const worker = new Worker(new URL('./walCheckpointWorker.mjs', import.meta.url), {
    workerData: { file: db.name, intervalMs: options.intervalMs ?? CHECKPOINT_INTERVAL_MS, busyTimeoutMs: SQLITE_BUSY_TIMEOUT_MS },
  })
  worker.unref()
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_AUTOCHECKPOINT_PAGES}`)
  let running = true
  const handBack = (error: Error | null): void => {
    if (!running) return
    running = false
    if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES}`)
    if (error) options.onError(error)
  }
  worker.on('message', (message: { failed?: string }) => {
    if (message.failed !== undefined) handBack(new Error(`WAL checkpoints failed: ${message.failed}`))
  })
  worker.on('error', (error) => handBack(error))
  worker.on('exit', (code) => handBack(code === 0 ? null : new Error(`WAL checkpoint worker exited with code ${code}`)))
  return {
    async stop() {
      if (!running) return
      const exited = new Promise((resolve) => worker.once('exit', resolve))
      worker.postMessage('stop')
      await exited
      handBack(null)
    },
  }
}
