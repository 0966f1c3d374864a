/**
 * Attribution for new items (map-model MM-9): every note created on this device gets
 * `meta.authorId`, `meta.authorName` and `meta.createdAt`. Other shapes get no meta.
 *
 *   editor.getInitialMetaForShape = noteAuthorMeta({ id: user.id, name: user.name })
 */
import type { JsonObject, TLShape } from 'tldraw'

/** A `getInitialMetaForShape` that attributes notes to `author`. */
export function noteAuthorMeta(author: { readonly id: string; readonly name: string }): (shape: TLShape) => JsonObject {
  return (shape) =>
    shape.type === 'note'
      ? { authorId: author.id, authorName: author.name, createdAt: new Date().toISOString() }
      : {}
}
