import { describe, expect, it } from 'vitest'
import { consentBlocks } from './consentBlocks.ts'

describe('consentBlocks', () => {
  it('turns lines starting with "•" into one list, and joins the lines around it into paragraphs, keeping every word', () => {
    const text = [
      'This meeting is private.',
      'By joining, you agree to:',
      '• listen;',
      '  •   not share the map;',
      'You can leave at any time, and',
      'ask if anything is unclear.',
    ].join('\n')
    expect(consentBlocks(text)).toEqual([
      { kind: 'paragraph', text: 'This meeting is private. By joining, you agree to:' },
      { kind: 'list', items: ['listen;', 'not share the map;'] },
      { kind: 'paragraph', text: 'You can leave at any time, and ask if anything is unclear.' },
    ])
  })

  it('starts a new paragraph or list after a blank line, and keeps text without points as paragraphs', () => {
    expect(consentBlocks('First.\n\nSecond.\n• one\n\n• two')).toEqual([
      { kind: 'paragraph', text: 'First.' },
      { kind: 'paragraph', text: 'Second.' },
      { kind: 'list', items: ['one'] },
      { kind: 'list', items: ['two'] },
    ])
    expect(consentBlocks('')).toEqual([])
  })
})
