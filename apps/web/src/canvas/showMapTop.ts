/**
 * Frames the map when the canvas opens: all of it (the three columns and the 0–10 band), as large
 * as fits in the part of the canvas that the panels over it leave free (tldraw's menu, people,
 * toolbar and zoom; our "Show as list"), top first and centred across. So every column heading
 * is readable at once on a laptop, a projector or a phone. Where all of it would be too small to
 * read (a phone on its side; on a screen of one's own, headings under 16 px:
 * {@link OWN_SCREEN_READABLE_ZOOM}), the top of the map across its full width instead.
 *
 * Panels are measured where they are on screen. The view is framed again whenever the canvas
 * changes size — as the panels settle in the first moments, when a phone is turned, a window
 * resized or the people column opened beside it — until the person (or a facilitator they follow)
 * moves the view: from then on the view is theirs.
 *
 *   // in <Tldraw onMount>: the facilitator's screen, and anyone else's
 *   showMapTop(editor)
 *   showMapTop(editor, { readableZoom: OWN_SCREEN_READABLE_ZOOM })
 *   // once the canvas got more or less room on purpose (present mode)
 *   frameContent(editor)
 *   // a template just placed, clear of the panels
 *   frameContent(editor, { x, y, w, h })
 *   // one part of the map on a projector: from its top if it would read smaller than 45 %
 *   frameContent(editor, { x, y, w, h }, { readableZoom: 0.45 })
 *   // a section: from its top at 75 % (not larger) if it would read smaller, to show more of it
 *   frameContent(editor, { x, y, w, h }, { readableZoom: 0.75, topZoom: 0.75 })
 *   // whether it would show whole at 45 % or larger
 *   fitsWhole(editor, { x, y, w, h }, 0.45)
 *   // something kept clear of the panels, placed again as they come, go or grow
 *   const stop = watchPanels(editor, placeAgain)
 */
import type { Editor } from 'tldraw'

/** A rectangle in screen pixels (page coordinates for content). */
export interface ScreenRect {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

/** What stands over the canvas: tldraw 5.4.2's panels (by their class names) and "Show as list". */
const PANEL_SELECTORS = [
  '.tlui-menu-zone',
  '.tlui-helper-buttons > *',
  '.tlui-layout__top__center > *',
  '.tlui-layout__top__right > *',
  '.tlui-navigation-panel',
  '.tlui-main-toolbar__inner',
  '.tlui-help-menu',
  '.tl-watermark_SEE-LICENSE',
  '.phone-show-list',
].join(', ')

/** Space kept between the map and the canvas edge or a panel. */
const MARGIN_PX = 12

/** The map is never shown larger than its own size. */
const MAX_ZOOM = 1

/**
 * Below this zoom the whole map is too small to read (a phone on its side showed it at 9 %, its
 * column headings 4 px high): the top of the map is shown across its full width instead.
 */
const MIN_READABLE_ZOOM = 0.2

/**
 * The first view on a screen of one's own (a family member joining from home on a laptop): the
 * column headings (40 px) at 16 px or more. All of the map shows there at about 23 %, headings
 * 9 px and hints 4 px, which nobody reads without knowing how to zoom; so below this, the top of
 * the map across its full width: the three columns named, readable, and below them the first
 * sections, with the zoom controls and "Show as list" to reach the rest. The facilitator's own
 * screen, often the room's projector, still opens on the whole map, as the room should see it.
 */
export const OWN_SCREEN_READABLE_ZOOM = 0.4

/** Steps of the search for the largest zoom that fits (each halves the uncertainty). */
const FIT_STEPS = 24

/**
 * Where `content` (page units) goes on screen: the largest scale at which it fits inside
 * `viewport` without touching a panel that stands across it, centred across and as high as the
 * panels above allow. A panel counts as above or below by which half of the viewport its centre is
 * in. When that scale is below {@link MIN_READABLE_ZOOM}, the top of the content at the scale that
 * fits its width (or `topZoom`, if smaller), if larger. `null` when nothing fits.
 */
export function fitInFreeArea(options: {
  readonly content: ScreenRect
  readonly viewport: ScreenRect
  readonly panels: readonly ScreenRect[]
  readonly marginPx?: number
  /** Below this scale, the top of the content across its width instead; {@link MIN_READABLE_ZOOM} unless given. */
  readonly readableZoom?: number
  /** The scale of that top view when smaller than the width's fit: shows more of what is below. */
  readonly topZoom?: number
}): { readonly x: number; readonly y: number; readonly scale: number; readonly whole: boolean } | null {
  const { content, viewport, panels, readableZoom = MIN_READABLE_ZOOM } = options
  const margin = options.marginPx ?? MARGIN_PX
  if (content.w <= 0 || content.h <= 0 || viewport.w <= 2 * margin || viewport.h <= 2 * margin) return null
  const middle = viewport.y + viewport.h / 2

  /** The placement at `scale`; with `wholly`, null unless all of the content fits above the panels below. */
  const placeAt = (scale: number, wholly = true) => {
    const w = content.w * scale
    const h = content.h * scale
    const x = viewport.x + (viewport.w - w) / 2
    let top = viewport.y + margin
    let bottom = viewport.y + viewport.h - margin
    for (const p of panels) {
      if (p.x >= x + w + margin || p.x + p.w <= x - margin) continue
      // Only the top of the content is placed: what floats lower down (a phone's "Show as list") may stand over the rest of it.
      if (!wholly && p.y > viewport.y + viewport.h / 4) continue
      if (p.y + p.h / 2 < middle) top = Math.max(top, p.y + p.h + margin)
      else bottom = Math.min(bottom, p.y - margin)
    }
    return top + h <= bottom || (!wholly && top < bottom) ? { x, y: top, scale, whole: wholly } : null
  }

  const widthFit = Math.min((viewport.w - 2 * margin) / content.w, MAX_ZOOM)
  let high = Math.min(widthFit, (viewport.h - 2 * margin) / content.h)
  let whole = placeAt(high)
  if (!whole) {
    let low = 0
    for (let step = 0; step < FIT_STEPS; step++) {
      const scale = (low + high) / 2
      if (placeAt(scale)) low = scale
      else high = scale
    }
    whole = low > 0 ? placeAt(low) : null
  }
  if (whole && whole.scale >= readableZoom) return whole
  const topScale = Math.min(widthFit, options.topZoom ?? widthFit)
  return topScale > (whole?.scale ?? 0) ? (placeAt(topScale, false) ?? whole) : whole
}

/** The panels over `container`'s area, in screen pixels; hidden ones and those outside it left out. */
function panelRects(container: HTMLElement, viewport: ScreenRect): ScreenRect[] {
  const document = container.ownerDocument
  return [...document.querySelectorAll(PANEL_SELECTORS)]
    .map((element) => element.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0)
    .filter((r) => r.right > viewport.x && r.left < viewport.x + viewport.w && r.bottom > viewport.y && r.top < viewport.y + viewport.h)
    .map((r) => ({ x: r.left, y: r.top, w: r.width, h: r.height }))
}

/** How small content may show before only its top is shown, and at what scale then ({@link fitInFreeArea}). */
export interface ReadableOptions {
  readonly readableZoom?: number
  readonly topZoom?: number
}

/** The canvas on screen and the panels over it now, in screen pixels (also where "Restrict this note" may stand). */
export function canvasAndPanels(editor: Editor): { readonly viewport: ScreenRect; readonly panels: ScreenRect[] } {
  const container = editor.getContainer()
  const box = container.getBoundingClientRect()
  const viewport = { x: box.left, y: box.top, w: box.width, h: box.height }
  return { viewport, panels: panelRects(container, viewport) }
}

/**
 * Calls `onChange` whenever a panel over the canvas comes, goes or changes size: tldraw opens its
 * style panel for a selection or a drawing tool long after the canvas opened, over whatever was
 * placed clear of the panels then. Returns the stop.
 */
export function watchPanels(editor: Editor, onChange: () => void): () => void {
  const container = editor.getContainer()
  const resized = new ResizeObserver(onChange)
  const observePanels = () => {
    resized.disconnect()
    for (const panel of container.ownerDocument.querySelectorAll(PANEL_SELECTORS)) resized.observe(panel)
  }
  const cameOrWent = new MutationObserver(() => {
    observePanels()
    onChange()
  })
  // tldraw's UI layer, not the shapes beside it: those change with every letter written in a note.
  cameOrWent.observe(container.querySelector('.tlui-layout') ?? container, { childList: true, subtree: true })
  observePanels()
  return () => {
    cameOrWent.disconnect()
    resized.disconnect()
  }
}

/** The canvas on screen, and where `content` goes in the part of it the panels leave free now ({@link fitInFreeArea}). */
function fitOnCanvas(editor: Editor, content: ScreenRect, readable: ReadableOptions) {
  const { viewport, panels } = canvasAndPanels(editor)
  return { viewport, fit: fitInFreeArea({ content, viewport, panels, ...readable }) }
}

/** True when all of `content` (page units) shows in the canvas's free area now at `zoom` or larger. */
export function fitsWhole(editor: Editor, content: ScreenRect, zoom: number): boolean {
  const { fit } = fitOnCanvas(editor, content, { readableZoom: zoom })
  return fit !== null && fit.whole && fit.scale >= zoom
}

/**
 * Frames the page's content (or `content`, page units: a template just placed) in the free area
 * now; returns the camera it set, or null when there is nothing to frame. Also for when the
 * canvas's room changes on purpose (present mode), whoever moved the view. With `readableZoom`,
 * content that would show smaller than that shows from its top across its width (at `topZoom`) instead.
 */
export function frameContent(
  editor: Editor,
  content: ScreenRect | undefined = editor.getCurrentPageBounds(),
  readable: ReadableOptions = {},
): { x: number; y: number; z: number } | null {
  if (!content) return null
  const { viewport, fit } = fitOnCanvas(editor, content, readable)
  if (fit) {
    // tldraw's camera: screen = (page + camera) × zoom, from the canvas's top-left corner.
    editor.setCamera({ x: (fit.x - viewport.x) / fit.scale - content.x, y: (fit.y - viewport.y) / fit.scale - content.y, z: fit.scale }, { immediate: true })
  } else {
    editor.zoomToBounds(content, { inset: MARGIN_PX, targetZoom: MAX_ZOOM, immediate: true })
  }
  const set = editor.getCamera()
  return { x: set.x, y: set.y, z: set.z }
}

/**
 * Shows the whole map in the canvas's free area (or its top, when smaller than `readable` allows),
 * and keeps it so as the canvas changes size, until the person moves the view.
 */
export function showMapTop(editor: Editor, readable: ReadableOptions = {}): () => void {
  const frame = () => frameContent(editor, undefined, readable)
  let placed = frame()
  const view = editor.getContainer().ownerDocument.defaultView
  if (!view) return () => {}

  const reframe = () => {
    const camera = editor.getCamera()
    if (placed && (camera.x !== placed.x || camera.y !== placed.y || camera.z !== placed.z)) stop()
    else placed = frame()
  }
  const observer = new view.ResizeObserver(reframe)
  observer.observe(editor.getContainer())
  const nextFrame = view.requestAnimationFrame(() => reframe())
  function stop() {
    observer.disconnect()
    view?.cancelAnimationFrame(nextFrame)
  }
  return stop
}
