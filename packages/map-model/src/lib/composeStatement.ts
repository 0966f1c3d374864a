/**
 * Owns turning a statement's slots into one readable sentence (SPEC MM-18), in English or Spanish
 * (usted), following the formulas of the domain guide (§3.2 danger statement, §3.3 safety goal,
 * §3.4 next step). Pure: the slots are the participants' words and are never reworded — only
 * trimmed, stripped of a trailing full stop and joined with connecting words. Empty slots are
 * left out together with their connecting words.
 *
 * ```ts
 * composeDangerStatement({ whoIsWorried: 'Grandma Lorna', behaviour: 'Jess stays in bed', … }, 'en')
 * // 'Grandma Lorna is worried that Jess stays in bed. …'
 * ```
 */
import type { DangerStatementSlots, NextStepFields, SafetyGoalSlots } from './SMToolkitShapes.ts'
import type { Locale } from './zoneKeys.ts'

/** A slot as written, without surrounding spaces or a closing full stop. */
function clean(slot: string): string {
  return slot.trim().replace(/\s+/g, ' ').replace(/[.。]+$/u, '').trim()
}

/** Upper-cases the first letter, leaving the rest of the participant's words alone. */
function capitalise(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toLocaleUpperCase() + text.slice(1)
}

/** One sentence: first letter capitalised, a full stop added when it has no closing mark. */
function sentence(text: string): string {
  const body = capitalise(text.trim())
  if (body.length === 0) return ''
  return /[.!?…"”»]$/u.test(body) ? body : `${body}.`
}

/**
 * True when the people named read as more than one ("Lorna and Sam", "la escuela, Lorna"). Either
 * language's "and" counts: in a bilingual family the slot may be written in the other language
 * from the one the sentence is composed in.
 */
function isPlural(who: string): boolean {
  return /\s(and|&|y|e)\s/iu.test(who) || who.includes(',')
}

/**
 * The danger statement as one readable text in `locale` (MM-18): who is worried, that (in which
 * situations) the caregiver does what, what could happen to the child, and who disagrees.
 *
 * @public
 */
export function composeDangerStatement(slots: DangerStatementSlots, locale: Locale): string {
  const who = clean(slots.whoIsWorried)
  const behaviour = clean(slots.behaviour)
  const situations = clean(slots.situations)
  const impact = clean(slots.impactOnChild)
  const disagrees = clean(slots.whoDisagrees)
  const what = situations && behaviour ? `${situations}, ${behaviour}` : situations || behaviour
  const parts: string[] = []
  if (locale === 'es') {
    if (who && what) parts.push(`${who} ${isPlural(who) ? 'se preocupan' : 'se preocupa'} porque ${what}`)
    else if (what) parts.push(`Nos preocupa que ${what}`)
    else if (who) parts.push(`${who} ${isPlural(who) ? 'están preocupados' : 'tiene una preocupación'}`)
    if (impact) parts.push(`Si esto continúa, ${impact}`)
    if (disagrees) parts.push(`No todos están de acuerdo: ${disagrees}`)
  } else {
    if (who && what) parts.push(`${who} ${isPlural(who) ? 'are' : 'is'} worried that ${what}`)
    else if (what) parts.push(`We are worried that ${what}`)
    else if (who) parts.push(`${who} ${isPlural(who) ? 'are' : 'is'} worried`)
    if (impact) parts.push(`If this continues, ${impact}`)
    if (disagrees) parts.push(`Not everyone agrees: ${disagrees}`)
  }
  return parts.map(sentence).join(' ')
}

/**
 * The safety goal as one readable text in `locale` (MM-18): what the caregivers will be doing,
 * what the child will experience, who helps, for how long, and how everyone will know.
 *
 * @public
 */
export function composeSafetyGoal(slots: SafetyGoalSlots, locale: Locale): string {
  const doing = clean(slots.caregiversWillBeDoing)
  const child = clean(slots.childWillExperience)
  const involved = clean(slots.whoIsInvolved)
  const howLong = clean(slots.forHowLong)
  const know = clean(slots.howEveryoneWillKnow)
  const es = locale === 'es'
  const parts: string[] = []
  if (doing) parts.push(doing)
  if (child) parts.push(child)
  if (involved) parts.push(es ? `Quiénes ayudan: ${involved}` : `Who helps: ${involved}`)
  if (howLong) parts.push(es ? `Esto tiene que seguir así durante ${howLong}` : `This needs to keep happening for ${howLong}`)
  if (know) parts.push(es ? `Todos lo sabremos porque ${know}` : `Everyone will know because ${know}`)
  return parts.map(sentence).join(' ')
}

/** A `YYYY-MM-DD` date written for people, or the text as given when it is not one. */
export function formatDueDate(dueDate: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dueDate.trim())
  if (!match) return clean(dueDate)
  const [, y, m, d] = match
  const monthsEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
  const monthsEs = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre']
  const month = (locale === 'es' ? monthsEs : monthsEn)[Number(m) - 1]
  if (!month) return dueDate.trim()
  const day = Number(d)
  return locale === 'es' ? `${day} de ${month} de ${y}` : `${day} ${month} ${y}`
}

/**
 * The next step as one readable text in `locale` (MM-18): who does what, by when.
 *
 * @public
 */
export function composeNextStep(fields: NextStepFields, locale: Locale): string {
  const action = clean(fields.action)
  const owner = clean(fields.owner)
  const due = formatDueDate(fields.dueDate, locale)
  const es = locale === 'es'
  let text = owner && action ? `${owner}: ${action}` : action || owner
  if (due) text = text ? `${text} (${es ? 'para el' : 'by'} ${due})` : `${es ? 'Para el' : 'By'} ${due}`
  return sentence(text)
}
