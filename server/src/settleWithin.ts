/**
 * Waits for `work` at most `ms`: past that, calls `onLate` and resolves anyway. For shutdown
 * steps that wait on something outside the process (a database that stopped answering), which
 * must not keep it from exiting. A rejection of `work` is passed on.
 *
 *   await settleWithin(stores.close(), 5_000, () => log.warn({ step: 'database' }, 'shutdown step timed out'))
 */
export async function settleWithin(work: Promise<unknown>, ms: number, onLate: () => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      onLate()
      resolve()
    }, ms)
  })
  try {
    await Promise.race([work, late])
  } finally {
    clearTimeout(timer)
  }
}
