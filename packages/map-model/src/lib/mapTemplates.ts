/**
 * Owns the templates as data (SPEC MM-26, MM-27): each template is a list of zones (key, rectangle
 * relative to the template's top-left, heading and hint label keys) plus the section keys that hold
 * items. The foundation's three-column map is one of them; the consultation framework (with a grey
 * area) and the wellbeing wording are variants of it; Three Houses, the Safety House, the
 * circles of safety and support, the safety plan, the words and pictures story, the family and
 * network diagram (ecomap), the feedback on the meeting and the family tree (genogram) are templates
 * of their own.
 *
 * ```ts
 * for (const zone of MAP_TEMPLATES['three-houses'].zones) draw(zone.key, zone.x, zone.y, zone.w, zone.h)
 * templateZoneWords('danger', 'wellbeing') // { heading: 'wellbeing-danger', hint: 'wellbeing-danger' }
 * ```
 */
import { safetyMapTemplate, type ZoneBounds } from './safetyMapTemplate.ts'
import { zoneHint, zoneLabel, type LabelKey, type LabelOverrides } from './zoneCatalogue.ts'
import { isSectionKey, type ItemZoneKey, type Locale, type ZoneKey } from './zoneKeys.ts'

/** The templates a facilitator can place, in the order the picker lists them (MM-26). @public */
export const TEMPLATE_IDS = ['three-column', 'consultation', 'wellbeing', 'three-houses', 'safety-house', 'circles', 'safety-plan', 'words-and-pictures', 'ecomap', 'feedback', 'family-tree'] as const

/** A template (MM-26). @public */
export type TemplateId = (typeof TEMPLATE_IDS)[number]

/** Templates whose items are the child's own words: only what the child agreed to share leaves the agency (MM-31). @public */
export const CHILDS_OWN_TEMPLATES: ReadonlySet<TemplateId> = new Set(['three-houses'])

/**
 * Boxes whose notes reach the meeting's workers only (MM-35: a safety plan's phone numbers and
 * contacts). The box is in the shared map, always empty there; its notes are written into the
 * workers-only doc with {@link addPrivateNote}, never with `addTemplateItem`.
 *
 * @public
 */
export const WORKERS_ONLY_ZONE_KEYS: ReadonlySet<ItemZoneKey> = new Set(['safety-plan-contacts'])

/** True when notes in a zone with key `key` must reach the workers only (MM-35). @public */
export function isWorkersOnlyZone(key: unknown): boolean {
  return WORKERS_ONLY_ZONE_KEYS.has(key as ItemZoneKey)
}

/** True when `value` is one of {@link TEMPLATE_IDS}. @public */
export function isTemplateId(value: unknown): value is TemplateId {
  return (TEMPLATE_IDS as readonly unknown[]).includes(value)
}

/**
 * How a zone is drawn: a heading strip (holds no items), a section, a 0–10 band (a scale, or the
 * Safety House's path to the door), a house outline, or a ring of the circles.
 *
 * @public
 */
export type TemplateZoneLook = 'heading' | 'section' | 'scale' | 'house' | 'ring'

/** One zone of a template, relative to the template's top-left corner (MM-26). @public */
export interface TemplateZone extends ZoneBounds {
  /** Catalogue entry whose `label` is the heading (MM-27). */
  readonly heading: LabelKey
  /** Catalogue entry whose `hint` is shown under the heading, or `null` for none. */
  readonly hint: LabelKey | null
  readonly look: TemplateZoneLook
}

/** A template: its zones and the sections that hold items (MM-26). @public */
export interface MapTemplate {
  readonly id: TemplateId
  /** Sections that hold items, in reading order; `readMap` returns one list per key. */
  readonly sections: readonly ItemZoneKey[]
  readonly zones: readonly TemplateZone[]
  /** Size of the template's bounding box. */
  readonly width: number
  readonly height: number
}

const COLUMN_WIDTH = 700
const GUTTER = 40

function threeColumnZones(relabel: Partial<Record<ZoneKey, LabelKey>> = {}): TemplateZone[] {
  return safetyMapTemplate.zones.map((zone) => {
    const words = relabel[zone.key] ?? zone.key
    const look: TemplateZoneLook = !isSectionKey(zone.key) ? 'heading' : zone.key === 'scale' ? 'scale' : 'section'
    return { ...zone, heading: words, hint: look === 'heading' ? null : words, look }
  })
}

function section(key: ZoneKey & LabelKey, x: number, y: number, w: number, h: number, look: TemplateZoneLook = 'section'): TemplateZone {
  return { key, x, y, w, h, heading: key, hint: key, look }
}

function bounds(zones: readonly TemplateZone[]): { width: number; height: number } {
  return {
    width: Math.max(...zones.map((z) => z.x + z.w)),
    height: Math.max(...zones.map((z) => z.y + z.h)),
  }
}

function template(id: TemplateId, zones: TemplateZone[]): MapTemplate {
  const sections = zones.filter((z) => z.look !== 'heading').map((z) => z.key as ItemZoneKey)
  return { id, sections, zones, ...bounds(zones) }
}

/**
 * Consultation framework: the three columns with the grey area (unclear, unconfirmed or disputed
 * information) as a full-height column between the worries and what is working well, "risk
 * statements" for danger, and strengths named with what protects the child.
 */
function consultationZones(): TemplateZone[] {
  const base = threeColumnZones({ danger: 'consultation-danger', strengths: 'consultation-strengths' })
  const shift = COLUMN_WIDTH + GUTTER
  const scale = base.find((z) => z.key === 'scale')
  const bodyBottom = Math.max(...base.filter((z) => z.key !== 'scale').map((z) => z.y + z.h))
  const moved = base.map((z): TemplateZone => {
    if (z.key === 'scale') return { ...z, w: z.w + shift }
    return z.x >= shift ? { ...z, x: z.x + shift } : z
  })
  return [...moved.filter((z) => z.key !== 'scale'), section('grey-area', shift, 0, COLUMN_WIDTH, bodyBottom), ...(scale ? moved.filter((z) => z.key === 'scale') : [])]
}

const HOUSE_WIDTH = 700
const HOUSE_HEIGHT = 900

/** A words and pictures page: two notes across, with room to draw under them. */
const PAGE_WIDTH = 520
const PAGE_HEIGHT = 720

/**
 * Words and pictures: the story's pages left to right, like a picture book, in the order the child
 * reads them (MM-36): the title, who is worried, what about, what happened, what the grown-ups are
 * doing now.
 */
const STORY_PAGE_KEYS = ['story-title', 'story-who-is-worried', 'story-worried-about', 'story-what-happened', 'story-grown-ups-now'] as const

function storyPages(): TemplateZone[] {
  return STORY_PAGE_KEYS.map((key, i) => section(key, i * (PAGE_WIDTH + GUTTER), 0, PAGE_WIDTH, PAGE_HEIGHT))
}

/**
 * Every template by id (MM-26). Zone rectangles are relative to the template's top-left; a placed
 * template is translated to where it is put.
 *
 * @public
 */
export const MAP_TEMPLATES: Readonly<Record<TemplateId, MapTemplate>> = {
  'three-column': template('three-column', threeColumnZones()),
  consultation: template('consultation', consultationZones()),
  wellbeing: template('wellbeing', threeColumnZones({ danger: 'wellbeing-danger', goals: 'wellbeing-goals' })),
  'three-houses': template('three-houses', [
    section('house-good-things', 0, 0, HOUSE_WIDTH, HOUSE_HEIGHT, 'house'),
    section('house-worries', HOUSE_WIDTH + GUTTER, 0, HOUSE_WIDTH, HOUSE_HEIGHT, 'house'),
    section('house-hopes-dreams', 2 * (HOUSE_WIDTH + GUTTER), 0, HOUSE_WIDTH, HOUSE_HEIGHT, 'house'),
  ]),
  'safety-house': template('safety-house', [
    section('safety-house-lives-here', 0, 0, 700, 600, 'house'),
    section('safety-house-visits', 740, 0, 700, 600, 'house'),
    section('safety-house-rules', 0, 640, 1440, 500, 'house'),
    section('safety-house-outside', 1520, 0, 660, 1140),
    section('safety-house-path', 0, 1180, 2180, 400, 'scale'),
  ]),
  // Rings from the outside in: the smallest zone containing a note wins (MM-7), so a person's
  // note belongs to the innermost ring it sits in. Each ring leaves a 250-wide band for notes.
  circles: template('circles', [
    section('circle-outer', 0, 0, 1900, 1900, 'ring'),
    section('circle-wider', 250, 250, 1400, 1400, 'ring'),
    section('circle-close', 500, 500, 900, 900, 'ring'),
    section('circle-family', 750, 750, 400, 400, 'ring'),
  ]),
  // The everyday rules and who keeps each one side by side, what to watch for and what to do under
  // them, and the phone numbers across the bottom (MM-35). The contacts box stays empty in the
  // shared map: its notes live in the workers-only doc (safety-mapping §9).
  'safety-plan': template('safety-plan', [
    section('safety-plan-rules', 0, 0, 700, 700),
    section('safety-plan-who', 740, 0, 700, 700),
    section('safety-plan-warning-signs', 0, 740, 700, 600),
    section('safety-plan-if-broken', 740, 740, 700, 600),
    section('safety-plan-contacts', 0, 1380, 1440, 460),
  ]),
  'words-and-pictures': template('words-and-pictures', storyPages()),
  // One large box (MM-37): the child's note in the middle, a note per person or place around it,
  // and tldraw arrows from the child to each as the ties.
  ecomap: template('ecomap', [section('ecomap-network', 0, 0, 1800, 1400)]),
  // The meeting's last step (MM-38): what helped and what to change, side by side.
  feedback: template('feedback', [section('feedback-helped', 0, 0, 700, 600), section('feedback-change', 740, 0, 700, 600)]),
  // One large box (MM-39): a symbol per person, and tldraw arrows between two people as how they are related.
  'family-tree': template('family-tree', [section('family-tree', 0, 0, 1800, 1400)]),
}

/**
 * The heading and hint keys of a zone with key `key` in template `templateId` (the three-column
 * map when `null`, as for the foundation's zones), so a variant's zones show its own words
 * (MM-27). A key the template does not have falls back to the key's own words.
 *
 * @public
 */
export function templateZoneWords(key: ZoneKey, templateId: TemplateId | null): { heading: LabelKey; hint: LabelKey | null; look: TemplateZoneLook } {
  const zone = MAP_TEMPLATES[templateId ?? 'three-column'].zones.find((z) => z.key === key)
  if (zone) return { heading: zone.heading, hint: zone.hint, look: zone.look }
  for (const other of Object.values(MAP_TEMPLATES)) {
    const found = other.zones.find((z) => z.key === key)
    if (found) return { heading: found.heading, hint: found.hint, look: found.look }
  }
  return { heading: key, hint: key, look: 'section' }
}

/**
 * A zone's heading and hint as people read them in `locale`, in template `templateId`'s words (a
 * wellbeing map's "danger" zone is headed "Worry statements"), the deployment's own words first
 * when `overrides` has them (MM-28); `hint` is null for a zone without one.
 *
 * @public
 */
export function templateZoneText(key: ZoneKey, templateId: TemplateId | null, locale: Locale, overrides?: LabelOverrides): { heading: string; hint: string | null } {
  const words = templateZoneWords(key, templateId)
  return { heading: zoneLabel(words.heading, locale, overrides), hint: words.hint ? zoneHint(words.hint, locale, overrides) : null }
}
