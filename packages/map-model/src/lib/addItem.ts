/**
 * Owns adding an item to a section (SPEC MM-9, MM-10): a complete tldraw 5.4.2 note record (on a
 * family tree, a person's symbol, MM-39),
 * placed in the first free slot of the section's zone, indexed above every shape, written in one
 * transaction through the records array.
 *
 * ```ts
 * const id = addItem(doc, 'strengths', 'Lorna walks Kai to school', { id: 'p1', name: 'Lorna' }, { now })
 * addPrivateNote(sharedDoc, restrictedDoc, placementId, 'safety-plan-contacts', 'Lorna 555 0101', author)
 * ```
 */
import type { TLGeoShape, TLNoteShape, TLParentId, TLShapeId } from '@tldraw/tlschema'
import { generateKeyBetween } from 'fractional-indexing'
import type * as Y from 'yjs'
import { GEO_SHAPE_TYPE, NOTE_SHAPE_TYPE, PAGE_ID, zoneShapeId } from './docLayout.ts'
import { FAMILY_MEMBER_LOOK, FAMILY_MEMBER_SIZE, FAMILY_MEMBER_SYMBOLS, familyMemberText, isFamilyMemberShape, type FamilyMemberGender } from './familyTree.ts'
import { findNoteSlot, type Box } from './findNoteSlot.ts'
import { isWorkersOnlyZone } from './mapTemplates.ts'
import { MapModelError } from './MapModelError.ts'
import { randomString } from './randomString.ts'
import { MAP_MODEL_ORIGIN, readRecordMap, writeRecords } from './recordEntries.ts'
import { toRichText } from './richText.ts'
import { NOTE_GRID, type ZoneBounds } from './safetyMapTemplate.ts'
import { collectShapes, collectZones, isNoteShape, itemPageBox, type ShapeRecord } from './shapeGeometry.ts'
import { isItemZoneKey, isSectionKey, type ItemZoneKey, type SectionKey } from './zoneKeys.ts'

/** Who wrote an item: a participant id and the name shown to others (MM-9). @public */
export interface ItemAuthor {
  readonly id: string
  readonly name: string
}

/** Options of {@link addItem}. @public */
export interface AddItemOptions {
  /** Creation time stored as `meta.createdAt`; defaults to the current time. */
  readonly now?: Date
  /** Shape id to use (`shape:…`); defaults to a random one. An existing id is overwritten. */
  readonly id?: string
  /** Transaction origin; defaults to {@link MAP_MODEL_ORIGIN}. */
  readonly origin?: unknown
}

/** Options of {@link addTemplateItem}. @public */
export interface AddTemplateItemOptions extends AddItemOptions {
  /** A child's item they agreed to share (MM-29): stored as `meta.childAgreed: true`. */
  readonly childAgreed?: boolean
}

/** Random characters after `shape:` in a new note id. */
const ID_LENGTH = 21
/** Random characters appended to a new note's index, so concurrent writers rarely collide. */
const INDEX_JITTER_LENGTH = 4

/**
 * The fractional index just above every valid one in `indexes`, with a random suffix so two
 * clients adding at once rarely pick the same index (tldraw jitters its keys for the same reason).
 */
export function indexAbove(indexes: readonly string[]): string {
  // Plain code-unit order is the order of fractional index keys.
  const sorted = [...indexes].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))
  let base: string | undefined
  for (const candidate of sorted) {
    try {
      base = generateKeyBetween(candidate, null)
      break
    } catch {
      // Not a valid key (a broken record from some client): ignore it and try the next one.
    }
  }
  base ??= generateKeyBetween(null, null)
  // A key followed by more digits sorts after it and before the next key; the last digit must
  // not be '0' (no trailing zeros in a key's fraction).
  return base + randomString(INDEX_JITTER_LENGTH - 1) + randomString(1, '123456789')
}

function findSectionZone(shapes: ReadonlyMap<string, ShapeRecord>, section: SectionKey) {
  const zones = collectZones(shapes).filter((z) => z.key === section)
  return zones.find((z) => z.id === zoneShapeId(section)) ?? zones[0]
}

/**
 * Adds an item to a section: writes a complete, schema-valid tldraw note inside the section's
 * zone at the first free slot in reading order, with an index above every existing shape and
 * `meta { authorId, authorName, createdAt }`, in one transaction (MM-9, MM-10). Returns the new
 * shape id.
 *
 * @throws {@link MapModelError} `MAP_UNKNOWN_SECTION` for a key that is not a section,
 * `MAP_INVALID_ITEM_ID` for an `options.id` without the `shape:` prefix, and `MAP_ZONE_MISSING`
 * when the doc has no zone for the section (the template was never written).
 * @public
 */
export function addItem(
  doc: Y.Doc,
  sectionKey: SectionKey,
  text: string,
  author: ItemAuthor,
  options: AddItemOptions = {},
): string {
  if (!isSectionKey(sectionKey)) throw new MapModelError('MAP_UNKNOWN_SECTION')
  const shapes = collectShapes(readRecordMap(doc))
  return writeNoteInZone(doc, shapes, findSectionZone(shapes, sectionKey), text, author, options, {})
}

/**
 * Adds an item to a section of a placed template (MM-26, MM-29), as {@link addItem} does for the
 * map: the zone is the placement's zone for `key`. The text is stored exactly as given (a child's
 * words are kept verbatim); `childAgreed` marks that the child agreed to share it.
 *
 * @throws {@link MapModelError} as {@link addItem}; `MAP_ZONE_MISSING` when the placement has no
 * zone for `key`.
 * @public
 */
export function addTemplateItem(
  doc: Y.Doc,
  placementId: string,
  key: ItemZoneKey,
  text: string,
  author: ItemAuthor,
  options: AddTemplateItemOptions = {},
): string {
  if (!isItemZoneKey(key)) throw new MapModelError('MAP_UNKNOWN_SECTION')
  if (isWorkersOnlyZone(key)) throw new MapModelError('MAP_WORKERS_ONLY_SECTION')
  const shapes = collectShapes(readRecordMap(doc))
  const zone = findPlacedZone(shapes, placementId, key)
  // What anyone adds to a family tree is a person whose gender is not given (MM-39).
  if (key === FAMILY_TREE_KEY) return writeItemInZone(doc, shapes, zone, options, familyMember({ name: text, age: null, gender: 'not-given' }, author, options))
  return writeNoteInZone(doc, shapes, zone, text, author, options, options.childAgreed ? { childAgreed: true } : {})
}

/** A person to add to a family tree (MM-39). @public */
export interface NewFamilyMember {
  readonly name: string
  /** Whole years, or `null` when not given. */
  readonly age: number | null
  readonly gender: FamilyMemberGender
}

/**
 * Adds a person to a placed family tree (MM-39): their symbol (a tldraw `geo` shape), with the
 * name and age written inside, at the first free slot of the tree's box, attributed like a note.
 * Returns the new shape id.
 *
 * @throws {@link MapModelError} as {@link addTemplateItem}.
 * @public
 */
export function addFamilyMember(doc: Y.Doc, placementId: string, person: NewFamilyMember, author: ItemAuthor, options: AddItemOptions = {}): string {
  const shapes = collectShapes(readRecordMap(doc))
  return writeItemInZone(doc, shapes, findPlacedZone(shapes, placementId, FAMILY_TREE_KEY), options, familyMember(person, author, options))
}

/** The family tree's box (MM-39). */
const FAMILY_TREE_KEY = 'family-tree'

/** Builds a person's symbol at a slot's top-left, centred in the slot. */
function familyMember(person: NewFamilyMember, author: ItemAuthor, options: AddItemOptions): BuildItem {
  const inset = (NOTE_GRID.noteSize - FAMILY_MEMBER_SIZE) / 2
  return (slot): TLGeoShape => ({
    ...slot,
    typeName: 'shape',
    type: GEO_SHAPE_TYPE,
    x: slot.x + inset,
    y: slot.y + inset,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    props: {
      geo: FAMILY_MEMBER_SYMBOLS[person.gender],
      dash: 'solid',
      url: '',
      w: FAMILY_MEMBER_SIZE,
      h: FAMILY_MEMBER_SIZE,
      growY: 0,
      scale: 1,
      flipX: false,
      flipY: false,
      labelColor: 'black',
      ...FAMILY_MEMBER_LOOK.living,
      size: 's',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      richText: toRichText(familyMemberText(person.name, person.age)),
    },
    meta: { authorId: author.id, authorName: author.name, createdAt: (options.now ?? new Date()).toISOString() },
  })
}

/**
 * Adds a note to a workers-only box of a placed template (MM-35: a safety plan's phone numbers and
 * contacts): the box is found in the shared map `shared`, the note is written into `restricted`
 * (the meeting's workers-only doc) with its parent the box, at the first slot free of both docs'
 * notes, attributed like any note. `shared` is only read. Returns the new shape id.
 *
 * @throws {@link MapModelError} `MAP_UNKNOWN_SECTION` for a key that is not a workers-only box,
 * `MAP_ZONE_MISSING` when the placement has no such box.
 * @public
 */
export function addPrivateNote(
  shared: Y.Doc,
  restricted: Y.Doc,
  placementId: string,
  key: ItemZoneKey,
  text: string,
  author: ItemAuthor,
  options: AddItemOptions = {},
): string {
  if (!isWorkersOnlyZone(key)) throw new MapModelError('MAP_UNKNOWN_SECTION')
  const sharedShapes = collectShapes(readRecordMap(shared))
  const zone = findPlacedZone(sharedShapes, placementId, key)
  // Both docs' notes take up room in the box; the private notes' parents are in the shared map.
  const shapes = new Map([...sharedShapes, ...collectShapes(readRecordMap(restricted))])
  return writeNoteInZone(restricted, shapes, zone, text, author, options, {}, zone ? { id: zone.id, x: zone.x, y: zone.y } : undefined)
}

/** A placed template's zone for `key`; `''` is a template-only zone without a placement, as readMap groups it (MM-34). */
function findPlacedZone(shapes: ReadonlyMap<string, ShapeRecord>, placementId: string, key: ItemZoneKey) {
  return collectZones(shapes).find((z) => (z.placementId ?? '') === placementId && z.key === key)
}

/** Where a new item goes and what it sits on: the pieces of its record {@link writeItemInZone} decides. */
interface ItemSlot {
  readonly id: TLShapeId
  readonly x: number
  readonly y: number
  readonly index: TLNoteShape['index']
  readonly parentId: TLParentId
}

/** Builds an item's record at a slot's top-left (in its parent's coordinates). */
type BuildItem = (slot: ItemSlot) => TLNoteShape | TLGeoShape

/** Writes the record `build` makes at the zone's first slot free of every note and person, above every shape. */
function writeItemInZone(
  doc: Y.Doc,
  shapes: ReadonlyMap<string, ShapeRecord>,
  zone: ZoneBounds | undefined,
  options: AddItemOptions,
  build: BuildItem,
  /** The item's parent shape and its page position, when not the page. */
  parent?: { readonly id: string; readonly x: number; readonly y: number },
): string {
  const id = options.id ?? `shape:${randomString(ID_LENGTH)}`
  if (!id.startsWith('shape:') || id.length === 'shape:'.length) {
    throw new MapModelError('MAP_INVALID_ITEM_ID')
  }
  if (!zone) throw new MapModelError('MAP_ZONE_MISSING')
  const occupied: Box[] = []
  for (const shape of shapes.values()) {
    if (!isNoteShape(shape) && !isFamilyMemberShape(shape)) continue
    const box = itemPageBox(shape, shapes)
    if (box) occupied.push(box)
  }
  const position = findNoteSlot(zone, occupied)
  const record = build({
    id: id as TLShapeId,
    x: position.x - (parent?.x ?? 0),
    y: position.y - (parent?.y ?? 0),
    index: indexAbove([...shapes.values()].map((s) => s.index)) as TLNoteShape['index'],
    parentId: (parent?.id ?? PAGE_ID) as TLParentId,
  })
  // Read and write happen in the same synchronous call, so no remote update can land between.
  writeRecords(doc, [record], options.origin ?? MAP_MODEL_ORIGIN)
  return id
}

function writeNoteInZone(
  doc: Y.Doc,
  shapes: ReadonlyMap<string, ShapeRecord>,
  zone: ZoneBounds | undefined,
  text: string,
  author: ItemAuthor,
  options: AddItemOptions,
  extraMeta: Readonly<Record<string, true>>,
  parent?: { readonly id: string; readonly x: number; readonly y: number },
): string {
  const note: BuildItem = (slot) => ({
    ...slot,
    typeName: 'shape',
    type: NOTE_SHAPE_TYPE,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 1,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: toRichText(text),
      scale: 1,
      textLastEditedBy: null,
    },
    meta: { authorId: author.id, authorName: author.name, createdAt: (options.now ?? new Date()).toISOString(), ...extraMeta },
  })
  return writeItemInZone(doc, shapes, zone, options, note, parent)
}
