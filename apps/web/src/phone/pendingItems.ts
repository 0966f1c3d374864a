/**
 * Owns the "not sent yet" marks: ids of items this device added while it was not live with the
 * relay. They are kept in localStorage beside the IndexedDB copy of the doc, so an item written
 * offline still says "not sent yet" after a reload, until the next sync clears them all.
 *
 *   const pending = createPendingItems(meetingId)
 *   pending.add(id); pending.has(id) // true
 *   pending.clear()                  // after a sync with the relay
 */

/** Most ids remembered; past it the oldest are dropped (the marks are a hint, the doc is the truth). */
export const MAX_PENDING_ITEMS = 500

/** The unsent marks of one meeting on this device. */
export interface PendingItems {
  has(id: string): boolean
  add(id: string): void
  clear(): void
  readonly size: number
}

/** Where `createPendingItems` keeps its ids (an in-memory stand-in works in tests). */
export interface PendingStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

function browserStorage(): PendingStorage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

/** The marks for `meetingId`, loaded from `storage`. */
export function createPendingItems(meetingId: string, storage: PendingStorage | null = browserStorage()): PendingItems {
  const key = `safetymap.unsent.${meetingId}`
  let ids: string[] = []
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '[]')
    if (Array.isArray(parsed)) ids = parsed.filter((v): v is string => typeof v === 'string').slice(-MAX_PENDING_ITEMS)
  } catch {
    ids = []
  }
  const save = () => {
    try {
      if (ids.length === 0) storage?.removeItem(key)
      else storage?.setItem(key, JSON.stringify(ids))
    } catch {
      // Storage full or blocked: the marks last for this page only.
    }
  }
  return {
    has: (id) => ids.includes(id),
    add(id) {
      if (ids.includes(id)) return
      ids = [...ids, id].slice(-MAX_PENDING_ITEMS)
      save()
    },
    clear() {
      if (ids.length === 0) return
      ids = []
      save()
    },
    get size() {
      return ids.length
    },
  }
}
