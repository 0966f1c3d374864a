/**
 * Owns reading a meeting doc into the structured map (SPEC MM-7, MM-9, MM-11): title, locale,
 * status, and per section the items in reading order, with plain text and attribution.
 *
 * An item is a note whose parent chain ends at `page:page` (or, in a family tree's box, a person's
 * symbol, MM-39); it belongs to the smallest section
 * zone containing its centre in page coordinates (parent transforms composed), else it is
 * unsorted. Reading order: notes are taken top to bottom; a note whose centre is less than half a
 * note (100 units) below the first note of the current row joins that row; each row is read left
 * to right. So hand-placed notes a few pixels apart still read as one row. Ties fall back to id.
 *
 * Reads the records array directly (last entry per key wins, MM-1) and never writes to the doc.
 *
 * ```ts
 * const map = readMap(doc)
 * map.sections.danger.map((item) => item.text)
 * ```
 */
import type * as Y from 'yjs'
import { findZoneAt } from './findZoneAt.ts'
import { MAP_TEMPLATES, isTemplateId, type TemplateId } from './mapTemplates.ts'
import { readMeta, type MeetingStatus } from './readMeta.ts'
import { readRecordMap } from './recordEntries.ts'
import { readToolkit, type MapScale, type MapToolkit } from './readToolkit.ts'
import { PARTICIPANT_META_KEY, readParentConsent, readZoneHeading, type ParentConsent } from './childTools.ts'
import { SAFETY_HOUSE_PATH_KEY } from './placeTemplate.ts'
import { readDisagreementsByItem, type Disagreement } from './disagreements.ts'
import { readItemChange, type ItemChange } from './itemChanges.ts'
import { readHiddenScales, type MapHiddenScale } from './hiddenRatings.ts'
import { richTextToPlainText } from './richText.ts'
import { readMapVariant, type MapVariantId } from './writeSafetyMapTemplate.ts'
import { readWordingAgreed, type WordingAgreed } from './wordingAgreement.ts'
import { readEcomapTies, type EcomapTie } from './ecomapTies.ts'
import { isFamilyMemberShape, readFamilyTree, type FamilyMember, type FamilyRelationship } from './familyTree.ts'
import {
  collectShapes,
  collectZones,
  isNoteShape,
  itemPageCentre,
  type DocZone,
  type Point,
  type ShapeRecord,
} from './shapeGeometry.ts'
import { SECTION_KEYS, isItemZoneKey, isSectionKey, type ItemZoneKey, type Locale, type SectionKey } from './zoneKeys.ts'

/** One item of the map, as read (MM-11). Empty strings stand for missing attribution. @public */
export interface MapItem {
  /** The note's shape id. */
  readonly id: string
  /** Plain text of the note (MM-12). */
  readonly text: string
  readonly authorId: string
  readonly authorName: string
  /** ISO 8601 creation time. */
  readonly createdAt: string
  /** `true` when `meta.quote` marks the text as the author's or speaker's own words (MM-21); absent otherwise. */
  readonly quote?: true
  /** Who disagrees with the item (MM-25), one entry per person; absent when nobody does. */
  readonly disagreements?: readonly Disagreement[]
  /** The last person other than the author who changed its words (MM-9a); absent when nobody did. */
  readonly changedBy?: ItemChange
  /** `true` when `meta.childAgreed` records that the child agreed to share it (MM-29); absent otherwise. */
  readonly childAgreed?: true
  /** The roster participant the note stands for (`meta.participantId`, MM-33); absent when not linked. */
  readonly participantId?: string
}

/** A person on the circles of safety and support and the ring they are in (MM-33). @public */
export interface MapCirclePerson {
  readonly itemId: string
  /** The note's text: the person as written on the token. */
  readonly name: string
  /** The linked roster participant, or `null`. */
  readonly participantId: string | null
  /** The innermost ring holding the token. */
  readonly ring: ItemZoneKey
}

/**
 * A template placed on the page (MM-26) with its items per section, in reading order. Every
 * section of a known template is present; `placementId` is `''` for template sections written
 * without a placement.
 *
 * @public
 */
export interface MapPlacedTemplate {
  readonly placementId: string
  /** The template, or `null` when the stored id is not one this version knows. */
  readonly templateId: TemplateId | null
  readonly sections: Readonly<Partial<Record<ItemZoneKey, readonly MapItem[]>>>
  /** Headings in the child's own words, verbatim, by zone key (MM-31); only renamed zones. */
  readonly headings: Readonly<Partial<Record<ItemZoneKey, string>>>
  /** The parent's consent to use the template, as the facilitator recorded it (MM-31), or `null`. */
  readonly parentConsent: ParentConsent | null
  /** A Safety House's path to the door: the child's scale, with its marks and ends (MM-32). */
  readonly path?: MapScale
  /** Circles of safety and support: every person token and its ring, in reading order (MM-33). */
  readonly people?: readonly MapCirclePerson[]
  /** A words and pictures story: the parents' agreement to its words (MM-36), or `null` when not yet given. */
  readonly wordingAgreed?: WordingAgreed | null
  /** A family and network diagram: the arrows between two of its notes (MM-37). */
  readonly ties?: readonly EcomapTie[]
  /** A family tree: each person drawn in its box, in reading order (MM-39). */
  readonly familyMembers?: readonly FamilyMember[]
  /** A family tree: the arrows between two of its people (MM-39). */
  readonly relationships?: readonly FamilyRelationship[]
}

/**
 * The structured map of one meeting (MM-11), with the toolkit's danger statements, safety goals,
 * next steps and scales (MM-20).
 *
 * @public
 */
export interface SafetyMap extends MapToolkit {
  readonly title: string
  readonly locale: Locale
  readonly status: MeetingStatus
  /**
   * Which wording the map's own sections use (MM-34): a wellbeing map's "danger" section is about
   * worries, a consultation map's strengths are "what's working well". Headings follow
   * `templateZoneWords(key, variant)`, as on the board.
   */
  readonly variant: MapVariantId
  /** Items per section, in reading order. Every section key is present. */
  readonly sections: Readonly<Record<SectionKey, readonly MapItem[]>>
  /** Notes whose centre lies in no section zone, in reading order. */
  readonly unsorted: readonly MapItem[]
  /** Other placed templates with their items (MM-26), left to right on the page. */
  readonly templates: readonly MapPlacedTemplate[]
  /** Scales that are private until revealed, with who has rated them (MM-24); no values. */
  readonly hiddenScales: readonly MapHiddenScale[]
}

/** The family tree's box (MM-39). */
const FAMILY_TREE_KEY = 'family-tree'

/** Half a note: centres closer than this vertically count as one row. */
const ROW_TOLERANCE = 100

interface PlacedItem {
  readonly item: MapItem
  readonly centre: Point
}

/** Items in reading order: rows top to bottom, each row left to right (MM-11, MM-20). @public */
export function sortInReadingOrder<T extends { readonly id: string; readonly centre: Point }>(
  placed: readonly T[],
): T[] {
  const byId = (a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const byY = [...placed].sort((a, b) => a.centre.y - b.centre.y || a.centre.x - b.centre.x || byId(a, b))
  const out: T[] = []
  let row: T[] = []
  let rowTop = 0
  for (const p of byY) {
    if (row.length > 0 && p.centre.y - rowTop >= ROW_TOLERANCE) {
      out.push(...row.sort((a, b) => a.centre.x - b.centre.x || byId(a, b)))
      row = []
    }
    if (row.length === 0) rowTop = p.centre.y
    row.push(p)
  }
  out.push(...row.sort((a, b) => a.centre.x - b.centre.x || byId(a, b)))
  return out
}

/** `{ changedBy }` when someone other than the author changed the words (MM-9a), else nothing. */
function changedByField(meta: Readonly<Record<string, unknown>>): { changedBy?: ItemChange } {
  const change = readItemChange(meta)
  return change ? { changedBy: change } : {}
}

const metaString = (note: ShapeRecord, key: string): string => {
  const value = note.meta[key]
  return typeof value === 'string' ? value : ''
}

/** `{ disagreements }` when someone disagrees with the shape (MM-25), else nothing. */
export function disagreementsField(byItem: ReadonlyMap<string, readonly Disagreement[]>, id: string): { disagreements?: readonly Disagreement[] } {
  const list = byItem.get(id)
  return list && list.length > 0 ? { disagreements: list } : {}
}

/**
 * The structured map of a meeting doc (MM-7, MM-11). Never mutates the doc.
 *
 * @public
 */
export function readMap(doc: Y.Doc): SafetyMap {
  const { title, locale, status } = readMeta(doc)
  const records = readRecordMap(doc)
  const shapes = collectShapes(records)
  const disagreements = readDisagreementsByItem(records)
  const zones = collectZones(shapes).filter((z) => isItemZoneKey(z.key))

  const placedBySection = new Map<SectionKey | null, (PlacedItem & { id: string })[]>()
  const placedInTemplates = new Map<string, (PlacedItem & { id: string })[]>()
  for (const shape of shapes.values()) {
    const person = isFamilyMemberShape(shape)
    if (!isNoteShape(shape) && !person) continue
    const centre = itemPageCentre(shape, shapes)
    if (!centre) continue
    const zone = findZoneAt(zones, centre)
    // A person's symbol is an item only in a family tree's box (MM-39); anywhere else it is a drawing.
    if (person && zone?.key !== FAMILY_TREE_KEY) continue
    const item: MapItem = {
      id: shape.id,
      text: richTextToPlainText(shape.props.richText),
      authorId: metaString(shape, 'authorId'),
      authorName: metaString(shape, 'authorName'),
      createdAt: metaString(shape, 'createdAt'),
      ...(shape.meta.quote === true ? { quote: true as const } : {}),
      ...disagreementsField(disagreements, shape.id),
      ...changedByField(shape.meta),
      ...(shape.meta.childAgreed === true ? { childAgreed: true as const } : {}),
      ...(typeof shape.meta[PARTICIPANT_META_KEY] === 'string' && shape.meta[PARTICIPANT_META_KEY] !== ''
        ? { participantId: shape.meta[PARTICIPANT_META_KEY] }
        : {}),
    }
    if (zone && (zone.placementId !== undefined || !isSectionKey(zone.key))) {
      const key = templateSectionId(zone)
      const list = placedInTemplates.get(key) ?? []
      list.push({ id: shape.id, item, centre })
      placedInTemplates.set(key, list)
      continue
    }
    const section = zone && isSectionKey(zone.key) ? zone.key : null
    const list = placedBySection.get(section) ?? []
    list.push({ id: shape.id, item, centre })
    placedBySection.set(section, list)
  }

  const read = (key: SectionKey | null): MapItem[] =>
    sortInReadingOrder(placedBySection.get(key) ?? []).map((p) => p.item)
  const sections = Object.fromEntries(SECTION_KEYS.map((key) => [key, read(key)])) as Record<
    SectionKey,
    MapItem[]
  >
  const toolkit = readToolkit(shapes, locale, disagreements)
  // Safety House paths are the child's scales of their placement (MM-32), not the map's.
  const pathScales = new Map(zones.filter((z) => z.key === SAFETY_HOUSE_PATH_KEY).map((z) => [z.id, z.placementId ?? '']))
  const scaleOf = (id: string): MapScale | undefined => toolkit.scales.find((s) => s.scaleId === id)
  const templates = readPlacedTemplates(
    zones,
    shapes,
    (key) => sortInReadingOrder(placedInTemplates.get(key) ?? []).map((p) => p.item),
    (pathZoneId) => scaleOf(pathZoneId) ?? { scaleId: pathZoneId, dangerStatementNumber: null, marks: [] },
  ).map((t) => {
    if (t.templateId === 'ecomap') return { ...t, ties: readEcomapTies(records, shapes, t.sections['ecomap-network'] ?? []) }
    if (t.templateId === 'family-tree') return { ...t, ...readFamilyTree(records, shapes, t.sections[FAMILY_TREE_KEY] ?? []) }
    return t
  })
  const scales = toolkit.scales.filter((s) => !pathScales.has(s.scaleId))
  return { title, locale, status, variant: readMapVariant(records), sections, unsorted: read(null), templates, ...toolkit, scales, hiddenScales: readHiddenScales(doc) }
}

const templateSectionId = (zone: DocZone): string => `${zone.placementId ?? ''}\u0000${zone.key}`

/** Placed templates (MM-26) from their zones, left to right (then top to bottom, then by id), with MM-31 … MM-33 and MM-36. */
function readPlacedTemplates(
  zones: readonly DocZone[],
  shapes: ReadonlyMap<string, ShapeRecord>,
  itemsOf: (templateSectionId: string) => MapItem[],
  pathOf: (pathZoneId: string) => MapScale,
): MapPlacedTemplate[] {
  const groups = new Map<string, { templateId: string | null; zones: DocZone[] }>()
  for (const zone of zones) {
    if (zone.placementId === undefined && isSectionKey(zone.key)) continue
    const placementId = zone.placementId ?? ''
    const group = groups.get(placementId) ?? { templateId: zone.templateId ?? null, zones: [] }
    group.zones.push(zone)
    groups.set(placementId, group)
  }
  const left = (g: { zones: DocZone[] }) => Math.min(...g.zones.map((z) => z.x))
  const top = (g: { zones: DocZone[] }) => Math.min(...g.zones.map((z) => z.y))
  return [...groups.entries()]
    .sort(([a, ga], [b, gb]) => left(ga) - left(gb) || top(ga) - top(gb) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([placementId, group]) => {
      const templateId = isTemplateId(group.templateId) ? group.templateId : null
      // Without a placement only template-only zones are here: the map's own sections are `sections`.
      const keys = new Set<ItemZoneKey>(templateId ? MAP_TEMPLATES[templateId].sections.filter((k) => placementId !== '' || !isSectionKey(k)) : [])
      for (const zone of group.zones) if (isItemZoneKey(zone.key)) keys.add(zone.key)
      const sections: Partial<Record<ItemZoneKey, MapItem[]>> = {}
      for (const key of keys) sections[key] = itemsOf(`${placementId}\u0000${key}`)
      const headings: Partial<Record<ItemZoneKey, string>> = {}
      let parentConsent: ParentConsent | null = null
      const metas = group.zones.map((zone) => shapes.get(zone.id)?.meta ?? {})
      for (const [i, zone] of group.zones.entries()) {
        const meta = metas[i]!
        const heading = readZoneHeading(meta)
        if (heading !== null && isItemZoneKey(zone.key)) headings[zone.key] = heading
        parentConsent ??= readParentConsent(meta)
      }
      const path = group.zones.find((z) => z.key === SAFETY_HOUSE_PATH_KEY)
      return {
        placementId,
        templateId,
        sections,
        headings,
        parentConsent,
        ...(path ? { path: pathOf(path.id) } : {}),
        ...(templateId === 'circles' ? { people: circlePeople(sections) } : {}),
        ...(templateId === 'words-and-pictures' ? { wordingAgreed: readWordingAgreed(metas, sections) } : {}),
      }
    })
}

/** Every note on the circles with its ring (each note is in exactly one ring, MM-7), in reading order by ring from the centre out. */
function circlePeople(sections: Partial<Record<ItemZoneKey, readonly MapItem[]>>): MapCirclePerson[] {
  return [...MAP_TEMPLATES.circles.sections].reverse().flatMap((ring) =>
    (sections[ring] ?? []).map((item) => ({ itemId: item.id, name: item.text, participantId: item.participantId ?? null, ring })),
  )
}
