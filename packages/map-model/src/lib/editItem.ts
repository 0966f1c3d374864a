/**
 * Owns changing and removing an existing item (a note, SPEC MM-9): new text as tldraw rich text,
 * or the note's removal, each in one transaction through the records array (MM-1). Who may do
 * it is the caller's rule (the phone view lets people change only their own items); here an id
 * that is not a note on the map is simply reported as not found.
 *
 * ```ts
 * updateItemText(doc, 'shape:abc', 'Lorna walks Kai to school every day') // true
 * deleteItem(doc, 'shape:abc')                                             // true
 * ```
 */
import type * as Y from 'yjs'
import { MAP_MODEL_ORIGIN, deleteRecords, readRecordMap, writeRecords } from './recordEntries.ts'
import { disagreementIdsOf } from './disagreements.ts'
import { richTextToPlainText, toRichText } from './richText.ts'
import { isNoteShape, isShapeRecord, type ShapeRecord } from './shapeGeometry.ts'
import { metaAfterTextChange } from './itemChanges.ts'
import { isFamilyMemberShape } from './familyTree.ts'

/** Options of {@link updateItemText} and {@link deleteItem}. @public */
export interface EditItemOptions {
  /** Transaction origin; defaults to {@link MAP_MODEL_ORIGIN}. */
  readonly origin?: unknown
}

/** The person changing an item's words (MM-9a), and when (now by default). @public */
export interface ItemEditor {
  readonly id: string
  readonly name: string
  readonly now?: Date
}

/** The item `id`: a note, or a person's symbol on a family tree (MM-39), whose words are what is written inside. */
function findNote(doc: Y.Doc, id: string): ShapeRecord | null {
  const record = readRecordMap(doc).get(id)
  return isShapeRecord(record) && (isNoteShape(record) || isFamilyMemberShape(record)) ? record : null
}

/**
 * Replaces an item's text (plain text in, rich text stored, MM-12), keeping its place, author and
 * every other field. Returns `false` when `id` is not a note in the doc; writes nothing when the
 * text is already the same.
 *
 * @public
 */
export function updateItemText(doc: Y.Doc, id: string, text: string, options: EditItemOptions & { readonly editor?: ItemEditor } = {}): boolean {
  const note = findNote(doc, id)
  if (!note) return false
  if (richTextToPlainText(note.props.richText) === text) return true
  // Who changed it, when that is not its author (MM-9a).
  const meta = options.editor ? metaAfterTextChange(note.meta, options.editor, options.editor.now ?? new Date()) : note.meta
  const changed: ShapeRecord = { ...note, meta, props: { ...note.props, richText: toRichText(text) } }
  writeRecords(doc, [changed], options.origin ?? MAP_MODEL_ORIGIN)
  return true
}

/**
 * Removes an item and who disagrees with it (MM-25) from the map. Returns `false` when `id` is not a note in the doc (for example
 * someone else removed it first).
 *
 * @public
 */
export function deleteItem(doc: Y.Doc, id: string, options: EditItemOptions = {}): boolean {
  if (!findNote(doc, id)) return false
  // Its disagreement records go with it (MM-25), as tldraw removes an item's bindings.
  deleteRecords(doc, [id, ...disagreementIdsOf(readRecordMap(doc), id)], options.origin ?? MAP_MODEL_ORIGIN)
  return true
}

/**
 * The author id stored on an item (`meta.authorId`, MM-9), or `null` when `id` is not a note or
 * carries no author.
 *
 * @public
 */
export function findItemAuthor(doc: Y.Doc, id: string): string | null {
  const value = findNote(doc, id)?.meta.authorId
  return typeof value === 'string' && value !== '' ? value : null
}
