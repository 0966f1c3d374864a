/**
 * A cancellable polling loop with no deadline: calls `check` now, then `intervalMs` after each
 * answer, until `check` says to stop or the caller calls `stop()`. Only one check is ever in
 * flight, so a slow network never piles requests up. React-free, so it is tested without a DOM.
 *
 *   const poller = createPoller({ intervalMs: 2000, check: async () => (await api.getLobby()).ok ? 'stop' : 'continue' })
 *   poller.stop()
 */

/** What a check tells the loop. */
export type PollVerdict = 'continue' | 'stop'

/** Options of {@link createPoller}. */
export interface PollerOptions {
  /** Pause between the end of one check and the start of the next. */
  readonly intervalMs: number
  /** One round; a thrown error counts as 'continue'. */
  readonly check: () => Promise<PollVerdict>
  /** Timer functions; the globals by default (tests pass fakes). */
  readonly setTimer?: (run: () => void, ms: number) => unknown
  readonly clearTimer?: (handle: unknown) => void
}

/** A running loop. */
export interface Poller {
  /** Ends the loop; an answer still in flight is ignored. Safe to call twice. */
  stop(): void
  readonly stopped: boolean
}

/** Starts polling at once. */
export function createPoller(options: PollerOptions): Poller {
  const setTimer = options.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms))
  const clearTimer = options.clearTimer ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>))
  let stopped = false
  let timer: unknown = null

  const round = async () => {
    timer = null
    let verdict: PollVerdict = 'continue'
    try {
      verdict = await options.check()
    } catch {
      verdict = 'continue'
    }
    if (stopped) return
    if (verdict === 'stop') {
      stopped = true
      return
    }
    timer = setTimer(() => void round(), options.intervalMs)
  }

  void round()
  return {
    stop() {
      stopped = true
      if (timer !== null) clearTimer(timer)
      timer = null
    },
    get stopped() {
      return stopped
    },
  }
}
