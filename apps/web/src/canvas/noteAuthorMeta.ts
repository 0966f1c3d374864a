/**
 * Attribution of items (map-model MM-9, MM-9a): every note created on this device gets
 * `meta.authorId`, `meta.authorName` and `meta.createdAt` (other shapes get no meta), and a note
 * whose words someone here changes records who changed them, unless they wrote it.
 *
 *   editor.getInitialMetaForShape = noteAuthorMeta({ id: user.id, name: user.name })
 *   recordNoteChanges(editor, { id: user.id, name: user.name })
 */
import { metaAfterTextChange } from '@safetymap/map-model'
import type { Editor, JsonObject, TLNoteShape, TLShape } from 'tldraw'

/** A `getInitialMetaForShape` that attributes notes to `author`. */
export function noteAuthorMeta(author: { readonly id: string; readonly name: string }): (shape: TLShape) => JsonObject {
  return (shape) =>
    shape.type === 'note'
      ? { authorId: author.id, authorName: author.name, createdAt: new Date().toISOString() }
      : {}
}

/** Marks notes whose words the person at this device changes (not remote changes); returns the unsubscribe. */
export function recordNoteChanges(editor: Editor, person: { readonly id: string; readonly name: string }): () => void {
  return editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
    if (source !== 'user' || next.type !== 'note' || prev.type !== 'note') return next
    const before = (prev as TLNoteShape).props.richText
    const after = (next as TLNoteShape).props.richText
    // Moves and resizes (every frame of a drag) keep the same text object: skip them cheaply.
    if (before === after || JSON.stringify(before) === JSON.stringify(after)) return next
    return { ...next, meta: metaAfterTextChange(next.meta, person, new Date()) as JsonObject }
  })
}
