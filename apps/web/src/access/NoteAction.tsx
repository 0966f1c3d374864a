/**
 * A small box of actions about one note on the canvas (render inside `<Tldraw>`), placed where a
 * mouse can reach it: under the note, or above or beside it when tldraw's toolbar, zoom or menus
 * stand there or the canvas ends ({@link placeNoteAction}), and clear of the boxes about other notes
 * that come before it on the page (those stay put; so two never stand on each other). Placed again
 * as the note moves on screen, as the box grows (a question before a change), as tldraw's panels
 * come, go or grow (its style panel opens for a selection or a drawing tool) and as an earlier box
 * moves.
 *
 *   <NoteAction note={{ x, y, w, h }} gapBelow={28}><RestrictButton … /></NoteAction>
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { useEditor } from 'tldraw'
import { canvasAndPanels, watchPanels, type ScreenRect } from '../canvas/showMapTop.ts'
import { placeNoteAction, type ActionPlace } from './placeNoteAction.ts'

const BOX_CLASS = 'sm-restrict-action'

/** The boxes about other notes before `box` on the page, which it keeps clear of. */
function boxesBefore(box: HTMLElement): HTMLElement[] {
  return [...box.ownerDocument.querySelectorAll<HTMLElement>(`.${BOX_CLASS}`)].filter((other) => other.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING)
}

/** Props of {@link NoteAction}. */
export interface NoteActionProps {
  /** The note on screen, from the canvas's top-left corner. */
  readonly note: ScreenRect
  /** Space under the note, where its author's name may stand. */
  readonly gapBelow: number
  readonly testId?: string
  readonly children: ReactNode
}

/** The box, kept clear of the panels over the canvas. */
export function NoteAction({ note, gapBelow, testId, children }: NoteActionProps) {
  const editor = useEditor()
  const box = useRef<HTMLDivElement>(null)
  const [place, setPlace] = useState<ActionPlace | null>(null)
  const { x, y, w, h } = note
  useLayoutEffect(() => {
    const element = box.current
    if (!element) return
    const placeBox = () => {
      const { viewport, panels } = canvasAndPanels(editor)
      const earlier = boxesBefore(element).map((other) => other.getBoundingClientRect())
      const next = placeNoteAction({
        note: { x, y, w, h },
        size: { w: element.offsetWidth, h: element.offsetHeight },
        area: { x: 0, y: 0, w: viewport.w, h: viewport.h },
        panels: [...panels, ...earlier.map((r) => ({ x: r.left, y: r.top, w: r.width, h: r.height }))].map((r) => ({ ...r, x: r.x - viewport.x, y: r.y - viewport.y })),
        gapBelow,
      })
      setPlace((last) => (last?.x === next.x && last.y === next.y ? last : next))
    }
    const resized = new ResizeObserver(placeBox)
    // An earlier box that comes, goes or moves (its `style`) may now stand where this one is.
    const earlierMoved = new MutationObserver(() => {
      watchEarlier()
      placeBox()
    })
    const watchEarlier = () => {
      if (element.parentElement) earlierMoved.observe(element.parentElement, { childList: true })
      for (const other of boxesBefore(element)) {
        earlierMoved.observe(other, { attributes: true, attributeFilter: ['style'] })
        resized.observe(other)
      }
    }
    placeBox()
    resized.observe(element)
    watchEarlier()
    const stopWatchingPanels = watchPanels(editor, placeBox)
    return () => {
      resized.disconnect()
      earlierMoved.disconnect()
      stopWatchingPanels()
    }
  }, [editor, x, y, w, h, gapBelow])
  const at = place ?? { x, y: y + h + gapBelow }
  return (
    <div ref={box} className={BOX_CLASS} data-testid={testId} style={{ left: at.x, top: at.y }} onPointerDown={(event) => event.stopPropagation()}>
      {children}
    </div>
  )
}
