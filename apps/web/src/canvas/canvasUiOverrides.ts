/**
 * Trims tldraw's UI to what a safety-mapping meeting needs and can safely do:
 * - no "insert picture/video" or "insert embed" tools and menu items (pictures would be inlined
 *   into the shared doc; embeds load third-party sites);
 * - no "unlock all", which would unlock the map's template zones in one click;
 * - the style panel (colours, sizes) only while it has something to style: a selected shape or a
 *   drawing tool. Otherwise it would stand over the "What needs to happen?" column the whole time.
 *
 *   <Tldraw overrides={canvasUiOverrides} components={canvasUiComponents} … />
 */
import { createElement } from 'react'
import { DefaultStylePanel, useEditor, useValue, type TLComponents, type TLUiOverrides, type TLUiStylePanelProps } from 'tldraw'

const REMOVED_TOOLS = ['asset', 'embed'] as const
const REMOVED_ACTIONS = ['insert-media', 'insert-embed', 'unlock-all'] as const

/** UI overrides for the meeting canvas; a module constant, so tldraw never sees a new object. */
export const canvasUiOverrides: TLUiOverrides = {
  tools(_editor, tools) {
    for (const id of REMOVED_TOOLS) delete tools[id]
    return tools
  },
  actions(_editor, actions) {
    for (const id of REMOVED_ACTIONS) delete actions[id]
    return actions
  },
}

/** tldraw's style panel, shown when a shape is selected or a drawing tool is in hand. */
function StylePanelWhenInUse(props: TLUiStylePanelProps) {
  const editor = useEditor()
  const inUse = useValue(
    'style panel in use',
    // The phone's panel opens on demand from tldraw's own button: always let it show.
    () => props.isMobile === true || !editor.isIn('select') || editor.getSelectedShapeIds().length > 0,
    [editor, props.isMobile],
  )
  return inUse ? createElement(DefaultStylePanel, props) : null
}

/** UI components for the meeting canvas; a module constant, like {@link canvasUiOverrides}. */
export const canvasUiComponents: TLComponents = {
  StylePanel: StylePanelWhenInUse,
}
