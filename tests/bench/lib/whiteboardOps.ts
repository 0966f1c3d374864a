/**
 * What a whiteboard client does to a meeting's Y.Doc, for fuzz tests and benchmarks: add a note
 * through `@safetymap/map-model`, and move, edit or delete it through the records array with
 * `YKeyValue` (y-utility), exactly as the canvas binding writes.
 *
 * ```ts
 * const board = openBoard(doc)
 * const id = board.addNote('strengths', 'Lorna walks Kai to school', 'shape:n1')
 * board.move(id, 10, -5); board.edit(id, 'new text'); board.remove(id)
 * ```
 */
import { NOTE_SHAPE_TYPE, RECORDS_ARRAY_NAME, addItem, toRichText, type RecordEntry, type SectionKey } from '@safetymap/map-model'
import { YKeyValue } from 'y-utility/y-keyvalue'
import type * as Y from 'yjs'

type NoteRecord = { id: string; type: string; x: number; y: number; props: Record<string, unknown> } & Record<string, unknown>

export interface Board {
  readonly kv: YKeyValue<unknown>
  /** Ids of the notes this doc currently holds. */
  noteIds(): string[]
  addNote(section: SectionKey, text: string, id: string): string
  /** Moves a note by (dx, dy); false if it is gone. */
  move(id: string, dx: number, dy: number): boolean
  edit(id: string, text: string): boolean
  remove(id: string): boolean
}

const boards = new WeakMap<Y.Doc, Board>()

const isNote = (value: unknown): value is NoteRecord =>
  typeof value === 'object' && value !== null && (value as { type?: unknown }).type === NOTE_SHAPE_TYPE

/** One board (and one YKeyValue) per doc, as the web binding keeps one per doc. */
export function openBoard(doc: Y.Doc): Board {
  const existing = boards.get(doc)
  if (existing) return existing
  const kv = new YKeyValue<unknown>(doc.getArray<RecordEntry>(RECORDS_ARRAY_NAME) as unknown as Y.Array<{ key: string; val: unknown }>)
  const note = (id: string): NoteRecord | null => {
    const value = kv.get(id)
    return isNote(value) ? value : null
  }
  const board: Board = {
    kv,
    noteIds: () => [...kv.map.entries()].filter(([, entry]) => isNote(entry.val)).map(([key]) => key),
    addNote: (section, text, id) => addItem(doc, section, text, { id: 'fuzz', name: 'Fuzz' }, { id, now: new Date(0) }),
    move(id, dx, dy) {
      const current = note(id)
      if (!current) return false
      kv.set(id, { ...current, x: Math.round(current.x + dx), y: Math.round(current.y + dy) })
      return true
    },
    edit(id, text) {
      const current = note(id)
      if (!current) return false
      kv.set(id, { ...current, props: { ...current.props, richText: toRichText(text) } })
      return true
    },
    remove(id) {
      if (!note(id)) return false
      kv.delete(id)
      return true
    },
  }
  boards.set(doc, board)
  return board
}
