/**
 * Whether the map is finished (the doc's `meta.status`), read the moment the doc changes. The
 * list's map is re-read a tick after a burst of updates (useDocValue.ts); the connection turns
 * live in the very sync that brings a finish or a reopen, so a status read with the map would lag
 * it: the bar would flash "Live" after a finish (as if she could still add) or "Finished" after
 * a reopen.
 *
 *   const finalized = useMapFinished(doc)
 */
import { META_MAP_NAME, readMeta } from '@safetymap/map-model'
import { useCallback, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'

/** True while `doc` says the map is finished; current in the same render as the sync that changed it. */
export function useMapFinished(doc: Y.Doc): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      // Observers run as the sync's transaction ends, before the provider calls itself synced.
      const meta = doc.getMap(META_MAP_NAME)
      meta.observe(onChange)
      return () => meta.unobserve(onChange)
    },
    [doc],
  )
  return useSyncExternalStore(subscribe, () => readMeta(doc).status === 'finalized')
}
