/**
 * The shape utils of a meeting canvas, one list for both the store's schema (`useYjsStore`) and
 * rendering (`<Tldraw shapeUtils>`): tldraw's defaults, with embeds configured to match no site
 * (so nothing ever loads a third-party frame), plus our `sm-zone`.
 *
 *   const shapeUtils = useMemo(() => createMeetingShapeUtils(meetingLocale), [meetingLocale])
 */
import type { Locale } from '@safetymap/map-model'
import { defaultShapeUtils, EmbedShapeUtil, type Signal, type TLAnyShapeUtilConstructor } from 'tldraw'
import { ZoneShapeUtil } from './ZoneShapeUtil.tsx'

/** Shape utils for a meeting whose headings follow `meetingLocale`. Memoise the result: a new list rebuilds the store. */
export function createMeetingShapeUtils(meetingLocale: Signal<Locale>): readonly TLAnyShapeUtilConstructor[] {
  return [
    ...defaultShapeUtils.filter((util) => util.type !== EmbedShapeUtil.type),
    EmbedShapeUtil.configure({ embedDefinitions: [] }),
    ZoneShapeUtil.configure({ meetingLocale }),
  ]
}
