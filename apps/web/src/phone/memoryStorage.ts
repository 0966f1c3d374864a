/**
 * A stand-in for the browser's `localStorage` / `sessionStorage` in unit tests of what the phone
 * keeps on the device (pending items, private numbers, drafts); `data` shows what was stored.
 *
 *   const storage = memoryStorage()
 *   createDrafts('m1', storage)
 */

/** The part of `Storage` the phone's stores use, kept in a map. */
export function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { readonly data: Map<string, string> } {
  const data = new Map<string, string>()
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  }
}
