import { describe, expect, it } from 'vitest'
import { withheldNotice } from './exportWords.ts'

describe('withheldNotice', () => {
  it('speaks of restricted items only, so it cannot contradict the count of a child’s words left out', () => {
    expect(withheldNotice(0)).toBe('No restricted items were withheld from this export.')
    expect(withheldNotice(2)).toMatch(/^2 items were withheld from this export because they are marked restricted/)
  })
})
