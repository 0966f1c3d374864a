/**
 * Who changed an item's words when that was not its author (SPEC MM-9a): the record keeps the
 * author, and beside it the last other person who rewrote the text, with when. The author
 * rewriting it again makes it theirs alone once more. Kept in the note's `meta`, so every writer
 * (the board, a phone, a Node client) reads and writes it alike.
 *
 * ```ts
 * const meta = metaAfterTextChange(note.meta, { id: 'p-maria', name: 'María' }, new Date())
 * readItemChange(meta) // { id: 'p-maria', name: 'María', at: '2026-…' }
 * ```
 */

/** Meta keys of the last change by someone other than the author. @public */
export const CHANGED_BY_META_KEYS = { id: 'changedById', name: 'changedByName', at: 'changedAt' } as const

/** The last person other than the author who changed an item's words, and when (ISO 8601). @public */
export interface ItemChange {
  readonly id: string
  readonly name: string
  readonly at: string
}

type Meta = Readonly<Record<string, unknown>>

/** `meta` once `editor` changed the item's words at `now`. @public */
export function metaAfterTextChange(meta: Meta, editor: { readonly id: string; readonly name: string }, now: Date): Record<string, unknown> {
  const rest = Object.fromEntries(Object.entries(meta).filter(([key]) => !CHANGED_BY_KEYS.has(key)))
  if (editor.id === meta.authorId) return rest
  return { ...rest, [CHANGED_BY_META_KEYS.id]: editor.id, [CHANGED_BY_META_KEYS.name]: editor.name, [CHANGED_BY_META_KEYS.at]: now.toISOString() }
}

const CHANGED_BY_KEYS: ReadonlySet<string> = new Set(Object.values(CHANGED_BY_META_KEYS))

/** The change `meta` records, if any. @public */
export function readItemChange(meta: Meta): ItemChange | undefined {
  const id = meta[CHANGED_BY_META_KEYS.id]
  const name = meta[CHANGED_BY_META_KEYS.name]
  const at = meta[CHANGED_BY_META_KEYS.at]
  return typeof id === 'string' && id !== '' && typeof name === 'string' && typeof at === 'string' ? { id, name, at } : undefined
}
