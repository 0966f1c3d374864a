/**
 * The parts of the list that "Go to a part of the map" offers (JumpList.tsx), in the list's order:
 * the three columns (the third followed by its next steps), the scaling question, then each template placed beside the map (zones of
 * the meeting's own map without a placement, such as a consultation map's grey area, one by one,
 * as the list heads them), and last the safety journal. Each has the id of its place in the list and the words of its heading.
 *
 *   jumpTargets(map, 'es', meeting.labels, t) // [{ anchorId: 'phone-column-worries', label: '¿Qué nos preocupa?' }, …]
 */
import { COLUMN_KEYS, COLUMN_SECTIONS, templateZoneText, zoneLabel, type ItemZoneKey, type LabelOverrides, type Locale, type MapPlacedTemplate, type SafetyMap, type SectionKey } from '@safetymap/map-model'
import type { MessageKey } from '../i18n/messages.ts'
import { focusAnchorId } from './readFocus.ts'
import { JOURNAL_ANCHOR_ID } from '../journal/journalAnchor.ts'

/** A part of the list to go to. */
export interface JumpTarget {
  readonly anchorId: string
  readonly label: string
}

/** The id of a placed template's heading, or of a zone's section when the zone has no placement. */
export function templateAnchorId(placementId: string, key?: ItemZoneKey): string {
  return placementId === '' && key ? `phone-zone-${key}` : `phone-template-${placementId}`
}

/** A template zone's heading: the child's own name for it when they gave one (MM-31), else the template's (or the agency's, MM-28) words. */
export function templateZoneHeading(template: MapPlacedTemplate, key: ItemZoneKey, locale: Locale, labels: LabelOverrides | undefined): string {
  return template.headings[key] ?? templateZoneText(key, template.templateId, locale, labels).heading
}

/** A placed template's name in the list. */
export function templateName(template: MapPlacedTemplate, t: (key: MessageKey) => string): string {
  return template.templateId ? t(`phone.template.${template.templateId}`) : t('phone.template.other')
}

/** Sections offered on their own, after their column: the next steps, at the foot of a long column, are what a family comes back for. */
const OWN_ENTRY_SECTIONS: ReadonlySet<SectionKey> = new Set(['next-steps'])

/** Where the list can take the person on `map`. */
export function jumpTargets(map: SafetyMap, locale: Locale, labels: LabelOverrides | undefined, t: (key: MessageKey) => string): JumpTarget[] {
  const columns = COLUMN_KEYS.flatMap((column) => [
    { anchorId: focusAnchorId(column), label: zoneLabel(column, locale, labels) },
    ...COLUMN_SECTIONS[column]
      .filter((section) => OWN_ENTRY_SECTIONS.has(section))
      .map((section) => ({ anchorId: focusAnchorId(section), label: templateZoneText(section, map.variant, locale, labels).heading })),
  ])
  const scale = { anchorId: focusAnchorId('scale'), label: templateZoneText('scale', map.variant, locale, labels).heading }
  const templates = map.templates.flatMap((template) =>
    template.placementId === ''
      ? (Object.keys(template.sections) as ItemZoneKey[]).map((key) => ({ anchorId: templateAnchorId('', key), label: templateZoneHeading(template, key, locale, labels) }))
      : [{ anchorId: templateAnchorId(template.placementId), label: templateName(template, t) }],
  )
  return [...columns, scale, ...templates, { anchorId: JOURNAL_ANCHOR_ID, label: t('journal.heading') }]
}
