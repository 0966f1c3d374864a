/**
 * Owns the conversion between tldraw rich text (TipTap JSON) and plain text, without a DOM
 * (SPEC MM-12).
 *
 * Rich text → plain: `text` nodes give their text, `hardBreak` gives `\n`, `doc` and list
 * containers (`bulletList`, `orderedList`, `taskList` and their `listItem` / `taskItem`) join
 * their children with `\n`, every other node concatenates its children. Unknown node types are
 * walked like any other node, so text inside custom TipTap extensions is kept. List items join
 * their blocks too, so a nested list reads as its own lines rather than running into its parent.
 *
 * ```ts
 * richTextToPlainText(toRichText('Lorna walks Kai\n\nto school')) // 'Lorna walks Kai\n\nto school'
 * ```
 */
import type { TLRichText } from '@tldraw/tlschema'

/** Node types whose children are separate lines. */
const LINE_CONTAINERS: ReadonlySet<string> = new Set([
  'doc',
  'bulletList',
  'orderedList',
  'taskList',
  'listItem',
  'taskItem',
])

/** Nesting deeper than this is not walked (guards against hostile, deeply nested JSON). */
export const MAX_RICH_TEXT_DEPTH = 100

function walk(node: unknown, depth: number): string {
  if (typeof node !== 'object' || node === null || depth > MAX_RICH_TEXT_DEPTH) return ''
  const { type, text, content } = node as { type?: unknown; text?: unknown; content?: unknown }
  if (type === 'text') return typeof text === 'string' ? text : ''
  if (type === 'hardBreak') return '\n'
  if (!Array.isArray(content)) return ''
  const parts = content.map((child) => walk(child, depth + 1))
  return typeof type === 'string' && LINE_CONTAINERS.has(type) ? parts.join('\n') : parts.join('')
}

/**
 * The plain text of a rich text document (MM-12). Anything that is not a node gives `''`.
 *
 * @public
 */
export function richTextToPlainText(richText: unknown): string {
  return walk(richText, 0)
}

/**
 * Rich text with one paragraph per line of `text`; an empty line becomes a paragraph without
 * `content` (MM-12), as tldraw's own `toRichText` does. `\r\n` counts as one line break.
 *
 * @public
 */
export function toRichText(text: string): TLRichText {
  return {
    type: 'doc',
    content: text
      .split(/\r?\n/)
      .map((line) =>
        line === ''
          ? { type: 'paragraph' }
          : { type: 'paragraph', content: [{ type: 'text', text: line }] },
      ),
  }
}
