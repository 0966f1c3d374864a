/**
 * Owns the closed sets of the safety map (SPEC MM-5, MM-6): locales, section keys, column keys,
 * zone keys, and which column each section sits in.
 *
 * ```ts
 * for (const key of SECTION_KEYS) columnOf(key) // 'worries' | 'working-well' | 'needs' | null
 * isSectionKey('danger') // true
 * ```
 */

/** Languages the map's headings and hints are written in (MM-5, MM-8). @public */
export const LOCALES = ['en', 'es'] as const

/** A language of the catalogue: `'en'` or `'es'`. @public */
export type Locale = (typeof LOCALES)[number]

/**
 * Sections that hold items, in the order a reader meets them: the three columns left to right,
 * each top to bottom, then the 0–10 rating band (MM-5).
 *
 * @public
 */
export const SECTION_KEYS = [
  'harm',
  'danger',
  'complicating',
  'strengths',
  'safety',
  'goals',
  'next-steps',
  'scale',
] as const

/** A section that holds items (MM-5). @public */
export type SectionKey = (typeof SECTION_KEYS)[number]

/** The three columns, left to right (MM-5). Their zones are heading strips and hold no items. @public */
export const COLUMN_KEYS = ['worries', 'working-well', 'needs'] as const

/** A column of the map (MM-5). @public */
export type ColumnKey = (typeof COLUMN_KEYS)[number]

/**
 * Sections that only other templates use (MM-26): the consultation framework's grey area, the
 * Three Houses, the Safety House, the circles of safety and support, the safety plan, the pages
 * of a words and pictures story, the family and network diagram's box, the two boxes of
 * feedback on the meeting and the family tree's box. They hold items like
 * {@link SECTION_KEYS} do, but `readMap` returns them grouped per placed template.
 *
 * @public
 */
export const TEMPLATE_SECTION_KEYS = [
  'grey-area',
  'house-good-things',
  'house-worries',
  'house-hopes-dreams',
  'safety-house-lives-here',
  'safety-house-visits',
  'safety-house-rules',
  'safety-house-outside',
  'safety-house-path',
  'circle-family',
  'circle-close',
  'circle-wider',
  'circle-outer',
  'safety-plan-rules',
  'safety-plan-who',
  'safety-plan-warning-signs',
  'safety-plan-if-broken',
  'safety-plan-contacts',
  'story-title',
  'story-who-is-worried',
  'story-worried-about',
  'story-what-happened',
  'story-grown-ups-now',
  'ecomap-network',
  'feedback-helped',
  'feedback-change',
  'family-tree',
] as const

/** A section of a template other than the three-column map (MM-26). @public */
export type TemplateSectionKey = (typeof TEMPLATE_SECTION_KEYS)[number]

/** Every key a zone shape may carry: sections, column headings and template sections (MM-6, MM-26). @public */
export const ZONE_KEYS = [...COLUMN_KEYS, ...SECTION_KEYS, ...TEMPLATE_SECTION_KEYS] as const

/** What a zone shape stands for (MM-6, MM-26). @public */
export type ZoneKey = SectionKey | ColumnKey | TemplateSectionKey

/** A zone that holds items: a map section or a template section (MM-7, MM-26). @public */
export type ItemZoneKey = SectionKey | TemplateSectionKey

/**
 * Sections of each column, top to bottom (MM-5). The `scale` section sits under all three
 * columns and is in none of them.
 *
 * @public
 */
export const COLUMN_SECTIONS = {
  worries: ['harm', 'danger', 'complicating'],
  'working-well': ['strengths', 'safety'],
  needs: ['goals', 'next-steps'],
} as const satisfies Record<ColumnKey, readonly SectionKey[]>

/**
 * The column a section belongs to, or `null` for `scale`, the band under the columns (MM-5).
 *
 * @public
 */
export function columnOf(section: SectionKey): ColumnKey | null {
  for (const column of COLUMN_KEYS) {
    if ((COLUMN_SECTIONS[column] as readonly SectionKey[]).includes(section)) return column
  }
  return null
}

/** True when `value` is one of {@link SECTION_KEYS}. @public */
export function isSectionKey(value: unknown): value is SectionKey {
  return (SECTION_KEYS as readonly unknown[]).includes(value)
}

/** True when `value` is one of {@link TEMPLATE_SECTION_KEYS}. @public */
export function isTemplateSectionKey(value: unknown): value is TemplateSectionKey {
  return (TEMPLATE_SECTION_KEYS as readonly unknown[]).includes(value)
}

/** True when a zone with this key holds items (a section of any template, MM-26). @public */
export function isItemZoneKey(value: unknown): value is ItemZoneKey {
  return isSectionKey(value) || isTemplateSectionKey(value)
}

/** True when `value` is one of {@link ZONE_KEYS}. @public */
export function isZoneKey(value: unknown): value is ZoneKey {
  return (ZONE_KEYS as readonly unknown[]).includes(value)
}

/** True when `value` is one of {@link LOCALES}. @public */
export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value)
}
