/**
 * Where the meeting tools sit: in a strip above the canvas (the `slot` the meeting page keeps for
 * them), never over the map or tldraw's own panels. On a wide screen every tool shows, wrapping
 * onto as many rows as the width needs. Below 900 px they fold behind one "Meeting tools" button
 * that opens them as a panel over the canvas, between the strip and tldraw's bottom bar, closed
 * again by the same button, by Escape or by a tap anywhere else; while folded, "You are following
 * …" stays in view (`toolkit.css`).
 *
 *   <ToolkitBar slot={slot} open={open} onOpenChange={setOpen}>…the tools…</ToolkitBar>
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { useI18n } from '../../i18n/I18nProvider.tsx'

/** tldraw's bottom bar on a phone (its undo row over the toolbar, 104 px) and a gap: the open panel stops above it. */
const BOTTOM_BAR_PX = 112

/** The open panel is never shorter than this, even on a very short screen (it scrolls). */
const MIN_PANEL_PX = 160

/** Props of {@link ToolkitBar}. */
export interface ToolkitBarProps {
  /** The strip above the canvas; nothing shows until it is in the page. */
  readonly slot: HTMLElement | null
  /** Whether the folded tools are open (narrow screens only; wide screens always show them). */
  readonly open: boolean
  readonly onOpenChange: (open: boolean) => void
  readonly children: ReactNode
}

/** The tools' strip: a toolbar, and on narrow screens the button that opens it. */
export function ToolkitBar({ slot, open, onOpenChange, children }: ToolkitBarProps) {
  const { t } = useI18n()
  const toolsId = useId()
  const ref = useRef<HTMLDivElement>(null)
  const [room, setRoom] = useState<{ readonly top: number; readonly height: number } | null>(null)

  // Where the open panel goes (narrow screens): from under the strip down to tldraw's bottom bar.
  useLayoutEffect(() => {
    const view = ref.current?.ownerDocument.defaultView
    if (!open || !view) return
    const measure = () => {
      const top = ref.current?.getBoundingClientRect().bottom ?? 0
      setRoom({ top, height: Math.max(MIN_PANEL_PX, view.innerHeight - top - BOTTOM_BAR_PX) })
    }
    measure()
    view.addEventListener('resize', measure)
    view.document.body.classList.add('sm-tools-open')
    return () => {
      view.removeEventListener('resize', measure)
      view.document.body.classList.remove('sm-tools-open')
    }
  }, [open])

  useEffect(() => {
    if (!open) return
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !ref.current?.contains(event.target)) onOpenChange(false)
    }
    const onKeyDown = (event: KeyboardEvent) => {
      // A dialog opened from the panel (templates) handles its own Escape.
      const inDialog = event.target instanceof Element && event.target.closest('.sm-builder-backdrop') !== null
      if (event.key === 'Escape' && !inDialog) onOpenChange(false)
    }
    document.addEventListener('pointerdown', onPointerDown, true)
    document.addEventListener('keydown', onKeyDown)
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true)
      document.removeEventListener('keydown', onKeyDown)
    }
  }, [open, onOpenChange])

  if (!slot) return null
  const place = room ? ({ '--sm-tools-top': `${room.top}px`, '--sm-tools-height': `${room.height}px` } as CSSProperties) : undefined
  return createPortal(
    // Rendered inside <Tldraw>'s React tree: keep pointer events from reaching the canvas's handlers.
    <div ref={ref} className="sm-toolkit" data-open={open} style={place} onPointerDown={(e) => e.stopPropagation()}>
      <button type="button" className="sm-toolkit__toggle" aria-expanded={open} aria-controls={toolsId} onClick={() => onOpenChange(!open)}>
        {t('toolkit.menu')}
      </button>
      <div id={toolsId} className="sm-toolkit-bar" role="toolbar" aria-label={t('toolkit.bar')}>
        {children}
      </div>
    </div>,
    slot,
  )
}
