/**
 * Trims tldraw's UI to what a safety-mapping meeting needs and can safely do:
 * - no "insert picture/video" or "insert embed" tools and menu items (pictures would be inlined
 *   into the shared doc; embeds load third-party sites);
 * - no "unlock all", which would unlock the map's template zones in one click;
 * - the style panel (colours, sizes) only while it has something to style: a selected shape or a
 *   drawing tool. Otherwise it would stand over the "What needs to happen?" column the whole time;
 * - our shapes' names, which tldraw reads out to a screen reader as a shape is selected ("Harm,
 *   Section of the map. 5 of 14"), where it would say their internal type ("tool.sm-zone"); a
 *   wellbeing map's cards are named in its words ("Worry statement", shapes/toolkitWords.ts).
 *
 *   const overrides = useCanvasUiOverrides(editor)
 *   <Tldraw overrides={overrides} components={canvasUiComponents} … />
 */
import {
  DANGER_STATEMENT_SHAPE_TYPE,
  NEXT_STEP_SHAPE_TYPE,
  RATED_MARKER_SHAPE_TYPE,
  SAFETY_GOAL_SHAPE_TYPE,
  SCALING_MARK_SHAPE_TYPE,
  ZONE_SHAPE_TYPE,
} from '@safetymap/map-model'
import { createElement, useMemo } from 'react'
import { DefaultStylePanel, useEditor, useValue, type Editor, type TLComponents, type TLUiOverrides, type TLUiStylePanelProps } from 'tldraw'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { useToolkitWords } from './shapes/toolkitWords.ts'

const REMOVED_TOOLS = ['asset', 'embed'] as const
const REMOVED_ACTIONS = ['insert-media', 'insert-embed', 'unlock-all'] as const

/**
 * The UI overrides for the meeting canvas in the page's language and the map's words; a new object
 * only when either changes. `editor` is null until tldraw has mounted.
 */
export function useCanvasUiOverrides(editor: Editor | null): TLUiOverrides {
  const { t, locale } = useI18n()
  const words = useToolkitWords(editor)
  const statementTitle = words.statement.title
  const goalTitle = words.goal.title
  return useMemo(() => {
    // What each of our shapes is called, by its type (tldraw's key is `tool.<type>`).
    const names: Readonly<Record<string, MessageKey>> = {
      [ZONE_SHAPE_TYPE]: 'canvas.shape.zone',
      [DANGER_STATEMENT_SHAPE_TYPE]: statementTitle,
      [SAFETY_GOAL_SHAPE_TYPE]: goalTitle,
      [NEXT_STEP_SHAPE_TYPE]: 'canvas.shape.nextStep',
      [SCALING_MARK_SHAPE_TYPE]: 'canvas.shape.scalingMark',
      [RATED_MARKER_SHAPE_TYPE]: 'canvas.shape.ratedMarker',
    }
    return {
      ...canvasUiOverrides,
      translations: { [locale]: Object.fromEntries(Object.entries(names).map(([type, key]) => [`tool.${type}`, t(key)])) },
    }
  }, [t, locale, statementTitle, goalTitle])
}

const canvasUiOverrides: TLUiOverrides = {
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
