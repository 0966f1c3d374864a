import { describe, expect, it } from 'vitest'
import { composeDangerStatement, composeNextStep, composeSafetyGoal, formatDueDate } from './composeStatement.ts'

const statement = {
  whoIsWorried: 'The social worker and Grandma Lorna',
  behaviour: 'Jess stays in bed until the afternoon, so Kai misses breakfast and school.',
  situations: 'on days when Jess feels very low',
  impactOnChild: 'Kai could be hurt by traffic or fall behind at school',
  whoDisagrees: 'Jess does not think Kai has been outside alone',
}

const goal = {
  caregiversWillBeDoing: 'On mornings when Jess is struggling she will text Lorna or Sam by 7:30',
  childWillExperience: 'Kai will have breakfast and be at school every school day',
  whoIsInvolved: 'Lorna and neighbour Sam',
  forHowLong: 'four months',
  howEveryoneWillKnow: 'Lorna and Sam confirm it at network meetings and the school records agree',
}

describe('composeDangerStatement (MM-18)', () => {
  it('joins the five slots into the sentence the domain guide describes, in English', () => {
    expect(composeDangerStatement(statement, 'en')).toBe(
      'The social worker and Grandma Lorna are worried that on days when Jess feels very low, Jess stays in bed until the afternoon, so Kai misses breakfast and school. ' +
        'If this continues, Kai could be hurt by traffic or fall behind at school. ' +
        'Not everyone agrees: Jess does not think Kai has been outside alone.',
    )
  })

  it('composes the same slots in Spanish, with singular and plural worriers', () => {
    const es = {
      whoIsWorried: 'La escuela',
      behaviour: 'Kai llega sin desayunar',
      situations: '',
      impactOnChild: 'Kai podría enfermarse',
      whoDisagrees: '',
    }
    expect(composeDangerStatement(es, 'es')).toBe('La escuela se preocupa porque Kai llega sin desayunar. Si esto continúa, Kai podría enfermarse.')
    expect(composeDangerStatement({ ...es, whoIsWorried: 'La escuela y la abuela Lorna' }, 'es')).toMatch(/^La escuela y la abuela Lorna se preocupan porque/)
    // Written in the other language from the sentence's: still read as several people.
    expect(composeDangerStatement({ ...es, whoIsWorried: 'The social worker and Grandma Lorna' }, 'es')).toMatch(/^The social worker and Grandma Lorna se preocupan porque/)
    expect(composeDangerStatement({ ...es, whoIsWorried: 'La escuela y Lorna' }, 'en')).toMatch(/^La escuela y Lorna are worried that/)
    expect(composeDangerStatement({ ...es, whoDisagrees: 'Jess' }, 'es')).toMatch(/No todos están de acuerdo: Jess\.$/)
  })

  it('uses "is" for one worrier and leaves empty slots out with their connecting words', () => {
    const text = composeDangerStatement(
      { whoIsWorried: 'the school', behaviour: 'Kai arrives hungry', situations: ' ', impactOnChild: '', whoDisagrees: '' },
      'en',
    )
    expect(text).toBe('The school is worried that Kai arrives hungry.')
    expect(composeDangerStatement({ whoIsWorried: '', behaviour: '', situations: '', impactOnChild: '', whoDisagrees: '' }, 'en')).toBe('')
  })

  it('keeps the participants’ words: no rewording, only spacing and a single closing full stop', () => {
    const text = composeDangerStatement({ ...statement, behaviour: '  Jess   "forgets"  Kai...' }, 'en')
    expect(text).toContain('Jess "forgets" Kai.')
  })
})

describe('composeSafetyGoal (MM-18)', () => {
  it('composes the five slots in English', () => {
    expect(composeSafetyGoal(goal, 'en')).toBe(
      'On mornings when Jess is struggling she will text Lorna or Sam by 7:30. Kai will have breakfast and be at school every school day. ' +
        'Who helps: Lorna and neighbour Sam. This needs to keep happening for four months. ' +
        'Everyone will know because Lorna and Sam confirm it at network meetings and the school records agree.',
    )
  })

  it('composes in Spanish and skips empty slots', () => {
    expect(
      composeSafetyGoal({ ...goal, caregiversWillBeDoing: '', childWillExperience: 'Kai desayuna todos los días', whoIsInvolved: 'Sam', forHowLong: 'cuatro meses', howEveryoneWillKnow: '' }, 'es'),
    ).toBe('Kai desayuna todos los días. Quiénes ayudan: Sam. Esto tiene que seguir así durante cuatro meses.')
  })
})

describe('composeNextStep (MM-18)', () => {
  it('says who does what by when, with the date written out in the language', () => {
    const step = { action: 'adds Sam to the group chat', owner: 'Lorna', dueDate: '2026-12-04' }
    expect(composeNextStep(step, 'en')).toBe('Lorna: adds Sam to the group chat (by 4 December 2026).')
    expect(composeNextStep(step, 'es')).toBe('Lorna: adds Sam to the group chat (para el 4 de diciembre de 2026).')
    expect(composeNextStep({ action: 'call the school', owner: '', dueDate: '' }, 'en')).toBe('Call the school.')
  })

  it('leaves a date that is not YYYY-MM-DD as written', () => {
    expect(formatDueDate('next Friday', 'en')).toBe('next Friday')
    expect(formatDueDate('2026-13-01', 'en')).toBe('2026-13-01')
  })
})
