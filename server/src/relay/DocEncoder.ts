/**
 * Encoding large docs off the event loop (RL-15): a worker thread keeps a replica of every room
 * whose stored state passed `offThreadEncodeBytes` when it loaded, fed each committed update in
 * order, and answers the expensive encodes — a join's sync step 2 and a compaction's snapshot. A
 * 2.4 MB map takes 0.1–1 s to encode (measured on 2 busy cores); on the main thread that would
 * stall every room.
 *
 * The replica holds exactly what was committed before a request, since updates and requests travel
 * the same ordered channel. If the worker fails, every request answers `null` and rooms encode on
 * the main thread again.
 *
 * ```ts
 * const encoder = new DocEncoder()
 * encoder.open(docId, loadedState); encoder.apply(docId, committedUpdate)
 * const state = await encoder.encode(docId, stateVector)   // null: encode it yourself
 * ```
 */
import { Worker } from 'node:worker_threads'

type Waiter = (state: Uint8Array | null) => void

/** @internal */
export class DocEncoder {
  private worker: Worker | null = null
  private failed = false
  private nextId = 1
  private readonly waiting = new Map<number, Waiter>()

  /** Starts replicating `docId` from its full state. */
  open(docId: string, state: Uint8Array): void {
    this.post({ type: 'open', docId, state })
  }

  /** Feeds a committed update to the replica. */
  apply(docId: string, update: Uint8Array): void {
    this.post({ type: 'apply', docId, update })
  }

  /** The replica's state (the diff against `stateVector` if given), or null when it cannot answer. */
  encode(docId: string, stateVector: Uint8Array | null = null): Promise<Uint8Array | null> {
    const worker = this.ensureWorker()
    if (!worker) return Promise.resolve(null)
    const id = this.nextId++
    return new Promise((resolve) => {
      this.waiting.set(id, resolve)
      worker.postMessage({ type: 'encode', id, docId, stateVector })
    })
  }

  close(docId: string): void {
    if (this.worker) this.post({ type: 'close', docId })
  }

  /** Stops the worker; pending requests answer null. */
  async destroy(): Promise<void> {
    const worker = this.worker
    this.worker = null
    this.failed = true
    this.settleAll()
    await worker?.terminate()
  }

  private post(message: object): void {
    this.ensureWorker()?.postMessage(message)
  }

  private ensureWorker(): Worker | null {
    if (this.failed) return null
    if (this.worker) return this.worker
    const worker = new Worker(new URL('./docEncoderWorker.mjs', import.meta.url))
    worker.unref()
    worker.on('message', ({ id, state }: { id: number; state: Uint8Array | null }) => {
      const waiter = this.waiting.get(id)
      this.waiting.delete(id)
      waiter?.(state)
    })
    const fail = (): void => {
      this.failed = true
      this.worker = null
      this.settleAll()
    }
    worker.on('error', fail)
    worker.on('exit', fail)
    this.worker = worker
    return worker
  }

  private settleAll(): void {
    for (const waiter of this.waiting.values()) waiter(null)
    this.waiting.clear()
  }
}
