/**
 * Live count of the people whose private rating is not shown yet (see `countHiddenRaters.ts`),
 * re-read once per burst of doc updates, so "Finish the map?" can say what would be left out.
 *
 *   const hiddenRaters = useHiddenRaterCount(doc) // 0 when every rating is shown
 */
import { readHiddenScales } from '@safetymap/map-model'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { countHiddenRaters } from './countHiddenRaters.ts'

/** The number of people with a private rating not shown yet in `doc`. */
export function useHiddenRaterCount(doc: Y.Doc): number {
  const [count, setCount] = useState(() => countHiddenRaters(readHiddenScales(doc)))
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const onUpdate = () => {
      if (timer !== null) return
      // Updates arrive in bursts (a sync, a typing peer): read once the burst has been applied.
      timer = setTimeout(() => {
        timer = null
        setCount(countHiddenRaters(readHiddenScales(doc)))
      }, 0)
    }
    setCount(countHiddenRaters(readHiddenScales(doc)))
    doc.on('update', onUpdate)
    return () => {
      doc.off('update', onUpdate)
      if (timer !== null) clearTimeout(timer)
    }
  }, [doc])
  return count
}
