/**
 * A small box of actions about one note on the canvas (render inside `<Tldraw>`), placed where a
 * mouse can reach it: under the note, or above or beside it when tldraw's toolbar, zoom or menus
 * stand there or the canvas ends ({@link placeNoteAction}). Placed again as the note moves on
 * screen and as the box grows (a question before a change).
 *
 *   <NoteAction note={{ x, y, w, h }} gapBelow={28}><RestrictButton … /></NoteAction>
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { useEditor } from 'tldraw'
import { canvasAndPanels, type ScreenRect } from '../canvas/showMapTop.ts'
import { placeNoteAction, type ActionPlace } from './placeNoteAction.ts'

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
      const next = placeNoteAction({
        note: { x, y, w, h },
        size: { w: element.offsetWidth, h: element.offsetHeight },
        area: { x: 0, y: 0, w: viewport.w, h: viewport.h },
        panels: panels.map((panel) => ({ ...panel, x: panel.x - viewport.x, y: panel.y - viewport.y })),
        gapBelow,
      })
      setPlace((last) => (last?.x === next.x && last.y === next.y ? last : next))
    }
    placeBox()
    const observer = new ResizeObserver(placeBox)
    observer.observe(element)
    return () => observer.disconnect()
  }, [editor, x, y, w, h, gapBelow])
  const at = place ?? { x, y: y + h + gapBelow }
  return (
    <div ref={box} className="sm-restrict-action" data-testid={testId} style={{ left: at.x, top: at.y }} onPointerDown={(event) => event.stopPropagation()}>
      {children}
    </div>
  )
}
