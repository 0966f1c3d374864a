/**
 * The parts of the map a facilitator steps through in present mode, one at a time so a projector
 * shows each large enough to read across the room: the whole map, its three columns (each heading
 * with its sections), the 0–10 band, then each placed template, left to right. A column too tall
 * to read whole on this screen is followed by its sections, top to bottom, so Next alone shows
 * every part of it. Bounds come from the doc's zones (`readZones`), so a variant map or a moved
 * template is framed where it really is.
 *
 *   const parts = presentParts(readZones(doc), (bounds) => fitsWhole(editor, bounds, 0.45))
 *   presentPartName(parts[1], 'es', t) // '¿Qué nos preocupa?'
 */
import {
  COLUMN_KEYS,
  columnOf,
  isSectionKey,
  isTemplateId,
  templateZoneText,
  type SectionKey,
  type ColumnKey,
  type LabelOverrides,
  type Locale,
  type MapZone,
  type TemplateId,
} from '@safetymap/map-model'
import type { MessageKey } from '../i18n/messages.ts'
import type { MessageVars } from '../i18n/translate.ts'
import type { ScreenRect } from './showMapTop.ts'

/** One step of present mode; `bounds` is absent for the whole map (whatever is on the page). */
export type PresentPart =
  | { readonly kind: 'whole' }
  | { readonly kind: 'column'; readonly column: ColumnKey; readonly templateId: TemplateId | null; readonly bounds: ScreenRect }
  | { readonly kind: 'section'; readonly column: ColumnKey; readonly section: SectionKey; readonly templateId: TemplateId | null; readonly bounds: ScreenRect }
  | { readonly kind: 'scale'; readonly templateId: TemplateId | null; readonly bounds: ScreenRect }
  | { readonly kind: 'template'; readonly templateId: TemplateId; readonly bounds: ScreenRect }

function union(zones: readonly MapZone[]): ScreenRect | null {
  if (zones.length === 0) return null
  const left = Math.min(...zones.map((z) => z.x))
  const top = Math.min(...zones.map((z) => z.y))
  const right = Math.max(...zones.map((z) => z.x + z.w))
  const bottom = Math.max(...zones.map((z) => z.y + z.h))
  return { x: left, y: top, w: right - left, h: bottom - top }
}

/** The map's own template (a variant map names it on its zones), or null for the three columns. */
function foundationTemplate(zones: readonly MapZone[]): TemplateId | null {
  const id = zones.find((z) => z.templateId !== undefined)?.templateId
  return isTemplateId(id) ? id : null
}

/**
 * The parts in the order they are shown; parts the doc has no zones for are left out. `readsWhole`
 * tells whether a column's bounds show whole, large enough to read, on the screen presenting.
 */
export function presentParts(zones: readonly MapZone[], readsWhole: (bounds: ScreenRect) => boolean): PresentPart[] {
  const parts: PresentPart[] = [{ kind: 'whole' }]
  const foundation = zones.filter((z) => z.placementId === undefined)
  const templateId = foundationTemplate(foundation)
  for (const column of COLUMN_KEYS) {
    const sections = foundation.filter((z) => isSectionKey(z.key) && columnOf(z.key) === column).sort((a, b) => a.y - b.y)
    const bounds = union([...foundation.filter((z) => z.key === column), ...sections])
    if (!bounds) continue
    parts.push({ kind: 'column', column, templateId, bounds })
    if (readsWhole(bounds)) continue
    for (const zone of sections) parts.push({ kind: 'section', column, section: zone.key as SectionKey, templateId, bounds: { x: zone.x, y: zone.y, w: zone.w, h: zone.h } })
  }
  const scale = union(foundation.filter((z) => z.key === 'scale'))
  if (scale) parts.push({ kind: 'scale', templateId, bounds: scale })

  const placements = new Map<string, MapZone[]>()
  for (const zone of zones) {
    if (zone.placementId === undefined || !isTemplateId(zone.templateId)) continue
    placements.set(zone.placementId, [...(placements.get(zone.placementId) ?? []), zone])
  }
  const templates = [...placements.values()].map((placed) => ({ kind: 'template' as const, templateId: placed[0]!.templateId as TemplateId, bounds: union(placed)! }))
  templates.sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y)
  return [...parts, ...templates]
}

/** What a part is called, in `locale` (the facilitator's own language, not the meeting's), in the agency's words when it has its own (MM-28). */
export function presentPartName(part: PresentPart, locale: Locale, t: (key: MessageKey, vars?: MessageVars) => string, labels?: LabelOverrides): string {
  const heading = (key: ColumnKey | SectionKey) => templateZoneText(key, part.kind === 'whole' ? null : part.templateId, locale, labels).heading
  switch (part.kind) {
    case 'whole':
      return t('toolkit.present.whole')
    case 'column':
      return heading(part.column)
    case 'section':
      return t('toolkit.present.section', { column: heading(part.column), section: heading(part.section) })
    case 'scale':
      return heading('scale')
    case 'template':
      return t(`templates.${part.templateId}`)
  }
}
