/**
 * The scales that are private until revealed (map-model MM-22), from the doc's meta, live.
 *
 *   const privateScales = usePrivateScales(doc) // ['overall', …]
 */
import { META_MAP_NAME, readPrivateScales } from '@safetymap/map-model'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

export function usePrivateScales(doc: Y.Doc): readonly string[] {
  const [scales, setScales] = useState<readonly string[]>(() => readPrivateScales(doc))
  useEffect(() => {
    const meta = doc.getMap(META_MAP_NAME)
    const update = () => setScales(readPrivateScales(doc))
    update()
    meta.observe(update)
    return () => meta.unobserve(update)
  }, [doc])
  return scales
}
