/**
 * Group commit (PS-8): every update the relay accepts in one event-loop tick, in every room, is
 * appended in one store transaction at the end of the tick (`setImmediate`), and each caller's
 * promise settles only after that commit — so "appended before broadcast" (RL-3) holds while a
 * busy tick costs one WAL commit instead of one per update.
 *
 * Batches commit one at a time, in order: with an asynchronous store (PostgreSQL) the next tick's
 * batch waits for the one in flight, so a room's updates are always acknowledged in the order it
 * appended them.
 *
 * ```ts
 * const commits = new GroupCommit(store)
 * const appended = await commits.append(docId, update)   // durable once resolved
 * ```
 */
import { STORE_ERROR_CODES, type AppendedUpdate, type DocStore, type PendingAppend, type StoreResult } from '../storage/index.ts'

interface Waiting extends PendingAppend {
  readonly settle: (result: StoreResult<AppendedUpdate>) => void
}

/** @internal */
export class GroupCommit {
  private readonly store: DocStore
  private pending: Waiting[] = []
  private scheduled = false
  private inFlight: Promise<void> = Promise.resolve()

  constructor(store: DocStore) {
    this.store = store
  }

  /** Queues `update` for this tick's commit; resolves once it is durable (or failed with its batch). */
  append(docId: string, update: Uint8Array): Promise<StoreResult<AppendedUpdate>> {
    return new Promise((settle) => {
      this.pending.push({ docId, update, settle })
      if (this.scheduled) return
      this.scheduled = true
      setImmediate(this.flush)
    })
  }

  private readonly flush = (): void => {
    this.scheduled = false
    const batch = this.pending
    this.pending = []
    this.inFlight = this.inFlight.then(() => this.commit(batch))
  }

  private async commit(batch: readonly Waiting[]): Promise<void> {
    try {
      if (!this.store.appendUpdates) {
        for (const item of batch) item.settle(await this.store.appendUpdate(item.docId, item.update))
        return
      }
      const result = await this.store.appendUpdates(batch)
      batch.forEach((item, index) => item.settle(result.ok ? { ok: true, value: result.value[index]! } : result))
    } catch (cause) {
      // Stores report failures as values; a throw is a bug, yet must not wedge every later batch.
      for (const item of batch) item.settle({ ok: false, error: { code: STORE_ERROR_CODES.STORE_WRITE_FAILED, cause } })
    }
  }
}
