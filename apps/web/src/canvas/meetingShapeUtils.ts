/**
 * The shape utils of a meeting canvas, one list for both the store's schema (`useYjsStore`) and
 * rendering (`<Tldraw shapeUtils>`): tldraw's defaults, with embeds configured to match no site
 * (so nothing ever loads a third-party frame), plus our `sm-zone` and the toolkit's shapes
 * (danger statements, safety goals, next steps, scaling marks), which share `toolkit`.
 *
 *   const shapeUtils = useMemo(() => createMeetingShapeUtils(boardLocale), [boardLocale])
 */
import type { LabelOverrides, Locale } from '@safetymap/map-model'
import { defaultBindingUtils, defaultShapeUtils, EmbedShapeUtil, type Signal, type TLAnyBindingUtilConstructor, type TLAnyShapeUtilConstructor } from 'tldraw'
import { DisagreementBindingUtil } from './shapes/DisagreementBindingUtil.ts'
import { DangerStatementShapeUtil } from './shapes/DangerStatementShapeUtil.tsx'
import { NextStepShapeUtil } from './shapes/NextStepShapeUtil.tsx'
import { SafetyGoalShapeUtil } from './shapes/SafetyGoalShapeUtil.tsx'
import { ScalingMarkShapeUtil } from './shapes/ScalingMarkShapeUtil.tsx'
import { RatedMarkerShapeUtil } from './shapes/RatedMarkerShapeUtil.tsx'
import { createToolkitState, type ToolkitState } from './shapes/toolkitState.ts'
import { ZoneShapeUtil } from './ZoneShapeUtil.tsx'

/** Shape utils for a meeting whose headings follow `boardLocale`. Memoise the result: a new list rebuilds the store. */
export function createMeetingShapeUtils(
  boardLocale: Signal<Locale>,
  toolkit: ToolkitState = createToolkitState(boardLocale),
  labelOverrides: LabelOverrides = {},
): readonly TLAnyShapeUtilConstructor[] {
  return [
    ...defaultShapeUtils.filter((util) => util.type !== EmbedShapeUtil.type),
    EmbedShapeUtil.configure({ embedDefinitions: [] }),
    ZoneShapeUtil.configure({ boardLocale, labelOverrides }),
    DangerStatementShapeUtil.configure({ toolkit }),
    SafetyGoalShapeUtil.configure({ toolkit }),
    NextStepShapeUtil.configure({ toolkit }),
    ScalingMarkShapeUtil.configure({ toolkit }),
    RatedMarkerShapeUtil.configure({ toolkit }),
  ]
}

/** Binding utils of a meeting, for the store's schema and rendering alike: tldraw's plus one record per disagreement (MM-25). */
export const MEETING_BINDING_UTILS: readonly TLAnyBindingUtilConstructor[] = [...defaultBindingUtils, DisagreementBindingUtil]
