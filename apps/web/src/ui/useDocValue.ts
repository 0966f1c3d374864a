/**
 * A value read from a Yjs doc, kept live: `read` runs again after the doc changes (local edits,
 * the relay, IndexedDB), at most once per burst of updates.
 *
 *   const map = useDocValue(doc, readMap)
 */
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

/** `read(doc)`, re-read after every burst of updates; `read` should be a stable (module-level) function. */
export function useDocValue<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const [value, setValue] = useState(() => read(doc))
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const onUpdate = () => {
      if (timer !== null) return
      // Updates arrive in bursts (a sync, a typing peer): read once the burst has been applied.
      timer = setTimeout(() => {
        timer = null
        setValue(read(doc))
      }, 0)
    }
    setValue(read(doc))
    doc.on('update', onUpdate)
    return () => {
      doc.off('update', onUpdate)
      if (timer !== null) clearTimeout(timer)
    }
  }, [doc, read])
  return value
}
