/**
 * Splits the confidentiality agreement's plain text (server data, one string per language) into
 * what the join page shows: paragraphs, and lists where lines start with "•", so a screen reader
 * announces a list of points instead of reading "bullet" before each one. The words stay as sent;
 * the other lines of a paragraph are joined, so they reflow on any screen (the text is wrapped for
 * its source file, not for reading: "…at any time, and" / "this agreement ends…").
 *
 *   consentBlocks('You agree to:\n• listen;\n• not share.')
 *   // [{ kind: 'paragraph', text: 'You agree to:' }, { kind: 'list', items: ['listen;', 'not share.'] }]
 */

/** One paragraph or one list of the agreement. */
export type ConsentBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }

const POINT = /^\s*•\s*/

/** The agreement's paragraphs and lists, in order; blank lines also end a paragraph or list. */
export function consentBlocks(text: string): ConsentBlock[] {
  const blocks: ConsentBlock[] = []
  for (const part of text.split(/\n\s*\n/)) {
    let lines: string[] = []
    let items: string[] = []
    const flush = () => {
      if (lines.length > 0) blocks.push({ kind: 'paragraph', text: lines.join(' ') })
      if (items.length > 0) blocks.push({ kind: 'list', items })
      lines = []
      items = []
    }
    for (const line of part.split('\n')) {
      if (line.trim() === '') continue
      if (POINT.test(line)) {
        if (lines.length > 0) flush()
        items.push(line.replace(POINT, '').trim())
      } else {
        if (items.length > 0) flush()
        lines.push(line.trim())
      }
    }
    flush()
  }
  return blocks
}
