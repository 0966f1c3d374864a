/**
 * Polls until a condition holds or a deadline passes; every wait in our tests has a deadline.
 *
 *   await waitFor(() => doc.getText('t').toString() === 'hi', { timeoutMs: 2000, what: 'text to sync' })
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  options: { timeoutMs?: number; intervalMs?: number; what: string },
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 5000)
  for (;;) {
    if (await condition()) return
    if (Date.now() > deadline) throw new Error(`Timed out after ${options.timeoutMs ?? 5000} ms waiting for ${options.what}`)
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 20))
  }
}
