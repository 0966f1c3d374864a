/**
 * Trims tldraw's UI to what a safety-mapping meeting needs and can safely do:
 * - no "insert picture/video" or "insert embed" tools and menu items (pictures would be inlined
 *   into the shared doc; embeds load third-party sites);
 * - no "unlock all", which would unlock the map's template zones in one click.
 *
 *   <Tldraw overrides={canvasUiOverrides} … />
 */
import type { TLUiOverrides } from 'tldraw'

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
