/**
 * Owns what is new on the map for someone who cannot watch it: the notes others added since the
 * last look, each with the heading of the part of the map it is in, for a screen reader to say
 * ("New in “Strengths”: Lorna walks Kai to school"). The person's own notes are left out, since
 * they already hear "Added to …".
 *
 *   const seen = itemIds(map)
 *   newItemsSince(seen, nextMap, selfId, 'en') // [{ id, heading: 'Strengths', text: '…' }]
 */
import { templateZoneText, type ItemZoneKey, type LabelOverrides, type Locale, type MapItem, type SafetyMap, type SectionKey } from '@safetymap/map-model'

/** A note someone else added, and where. */
export interface NewItem {
  readonly id: string
  readonly heading: string
  readonly text: string
}

/** Every note on the map with the heading of its part (sections, then placed templates), in the agency's words when it has its own (MM-28). */
function located(map: SafetyMap, locale: Locale, labels?: LabelOverrides): { item: MapItem; heading: string }[] {
  const sections = (Object.keys(map.sections) as SectionKey[]).flatMap((key) =>
    map.sections[key].map((item) => ({ item, heading: templateZoneText(key, map.variant, locale, labels).heading })),
  )
  const templates = map.templates.flatMap((template) =>
    (Object.keys(template.sections) as ItemZoneKey[]).flatMap((key) =>
      (template.sections[key] ?? []).map((item) => ({ item, heading: template.headings[key] ?? templateZoneText(key, template.templateId, locale, labels).heading })),
    ),
  )
  return [...sections, ...templates]
}

/** The ids of every note on `map`. */
export function itemIds(map: SafetyMap): Set<string> {
  return new Set(located(map, 'en').map(({ item }) => item.id))
}

/** Notes on `map` that are not in `seen` and that someone other than `selfId` wrote. */
export function newItemsSince(seen: ReadonlySet<string>, map: SafetyMap, selfId: string, locale: Locale, labels?: LabelOverrides): NewItem[] {
  return located(map, locale, labels)
    .filter(({ item }) => !seen.has(item.id) && item.authorId !== selfId)
    .map(({ item, heading }) => ({ id: item.id, heading, text: item.text }))
}
