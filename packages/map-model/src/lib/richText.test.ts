import { richTextValidator, toRichText as tldrawToRichText } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { richTextToPlainText, toRichText } from './richText.ts'

const p = (...content: unknown[]) => ({ type: 'paragraph', content })
const t = (text: string, marks?: unknown[]) => ({ type: 'text', text, ...(marks ? { marks } : {}) })
const doc = (...content: unknown[]) => ({ type: 'doc', content })
const list = (type: string, ...items: unknown[][]) => ({
  type,
  content: items.map((content) => ({ type: 'listItem', content })),
})

describe('richTextToPlainText', () => {
  it('joins the paragraphs of a doc with newlines and keeps text as written (MM-12)', () => {
    expect(richTextToPlainText(doc(p(t('Hello '), t('world', [{ type: 'bold' }])), p(t('line2'))))).toBe(
      'Hello world\nline2',
    )
  })

  it('turns hardBreak into a newline inside a paragraph (MM-12)', () => {
    expect(richTextToPlainText(doc(p(t('one'), { type: 'hardBreak' }, t('two'))))).toBe('one\ntwo')
  })

  it('keeps empty paragraphs as empty lines (MM-12)', () => {
    expect(richTextToPlainText(doc(p(t('Hello')), { type: 'paragraph' }, p(t('World'))))).toBe(
      'Hello\n\nWorld',
    )
    expect(richTextToPlainText(doc({ type: 'paragraph' }))).toBe('')
  })

  it('puts each list item, and each item of a nested list, on its own line (MM-12)', () => {
    const nested = doc(
      p(t('Before')),
      list('bulletList', [p(t('item A')), list('orderedList', [p(t('A.1'))], [p(t('A.2'))])], [p(t('item B'))]),
      { type: 'heading', attrs: { level: 2 }, content: [t('Head')] },
    )
    expect(richTextToPlainText(nested)).toBe('Before\nitem A\nA.1\nA.2\nitem B\nHead')
  })

  it('walks node types it does not know, so text from custom extensions is kept (MM-12)', () => {
    const mention = { type: 'mention', attrs: { id: 'u1' }, content: [t('@Lorna')] }
    expect(richTextToPlainText(doc(p(t('Ask '), mention, t(' first')), { type: 'callout', content: [p(t('x'))] }))).toBe(
      'Ask @Lorna first\nx',
    )
  })

  it('gives empty text for anything that is not a node, without throwing', () => {
    for (const bad of [null, undefined, 42, 'text', [], { type: 'doc' }, { type: 'text' }, { content: 'x' }]) {
      expect(richTextToPlainText(bad)).toBe('')
    }
  })

  it('stops at a hostile nesting depth instead of overflowing the stack', () => {
    let node: unknown = t('deep')
    for (let i = 0; i < 10_000; i++) node = { type: 'x', content: [node] }
    expect(richTextToPlainText(node)).toBe('')
  })
})

describe('toRichText', () => {
  it('makes one paragraph per line and an empty line a paragraph without content (MM-12)', () => {
    const rich = toRichText('Hello\n\nWorld')
    expect(rich).toEqual(doc(p(t('Hello')), { type: 'paragraph' }, p(t('World'))))
    expect('content' in (rich.content[1] as object)).toBe(false)
  })

  it('builds exactly what tldraw’s own toRichText builds, which its validator accepts', () => {
    for (const text of ['', 'one line', 'a\nb', 'a\n\n\nb\n', '  spaced  ']) {
      expect(toRichText(text)).toEqual(tldrawToRichText(text))
      expect(() => richTextValidator.validate(toRichText(text))).not.toThrow()
    }
  })

  it('reads \\r\\n as one line break', () => {
    expect(richTextToPlainText(toRichText('a\r\nb'))).toBe('a\nb')
  })

  it('round-trips plain text through rich text unchanged (MM-12)', () => {
    for (const text of ['', 'Kai', 'Lorna walks Kai\nto school', '\n', 'a\n\nb', 'trailing\n', '¿Qué pasa? — ñ 👍']) {
      expect(richTextToPlainText(toRichText(text))).toBe(text)
    }
  })
})
