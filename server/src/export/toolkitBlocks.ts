/**
 * Owns the wording of the safety-planning part of an export — danger statements each with its
 * linked safety goals and any recorded disagreement, safety goals linked to none, next steps
 * with owner and date, who does not agree with each card (MM-25, see `itemBlocks.ts`), and every
 * participant's scaling marks with their reasons — as a flat list of styled blocks. The case-file
 * PDF and the DOCX render the same blocks, so they cannot disagree; the family copy gets its own
 * plain-language blocks in its own language, one section's cards at a time (printed inside that
 * section of the map), composing each card from its parts in that language (the model's
 * sentences are the record's, in the meeting's).
 *
 * ```ts
 * for (const block of caseFileToolkitBlocks(model)) draw(block.style, block.text)
 * ```
 */
import { composeDangerStatement, composeNextStep, composeSafetyGoal, type Locale, type SectionKey } from '@safetymap/map-model'
import type { CaseFileExport, ExportAttribution, ExportNextStep, ExportPerson, ExportSafetyGoal, ExportScale } from './CaseFileExport.ts'
import { NOT_RECORDED, familyMapWords, familyWords, formatFamilyDueDate, formatRecordTime, recordPlanWords, recordScaleEnds } from './exportWords.ts'
import { familyDisagreementBlocks, recordDisagreementBlocks } from './itemBlocks.ts'

/**
 * How a block is drawn. `by` closes an entry (who wrote it), with space after it; an `aside` (who
 * does not agree) belongs to the entry above, so that space comes after the entry's last aside.
 */
export type ToolkitBlockStyle = 'h1' | 'h2' | 'text' | 'by' | 'aside' | 'muted'
export interface ToolkitBlock {
  readonly style: ToolkitBlockStyle
  readonly text: string
}

const isHeading = (block: ToolkitBlock) => block.style === 'h1' || block.style === 'h2'

/**
 * Where the run of blocks that a page break must not split, starting at `start`, ends (exclusive):
 * the headings and notices that lead in, then one entry — its text and the lines under it (who
 * wrote it, who does not agree, who does it by when, a mark's reasons) up to the next text or heading.
 */
export function keptTogetherEnd(blocks: readonly ToolkitBlock[], start: number): number {
  let i = start
  while (i < blocks.length && (isHeading(blocks[i]!) || blocks[i]!.style === 'muted')) i++
  if (blocks[i]?.style === 'text') {
    i++
    while (i < blocks.length && !isHeading(blocks[i]!) && blocks[i]!.style !== 'text') i++
  }
  return Math.max(i, start + 1)
}

const quoted = (text: string, card: ExportAttribution) => (card.directQuote ? `“${text}”` : text)
const by = (card: ExportAttribution, timeZone: string): ToolkitBlock => ({
  style: 'by',
  text: `— ${card.author.name || 'author not recorded'}${card.createdAt ? `, ${formatRecordTime(card.createdAt, timeZone)}` : ''}${card.directQuote ? ' (direct quote)' : ''}`,
})
/** Who wrote the card and when, then who does not agree with it. */
const signed = (card: ExportAttribution, timeZone: string): ToolkitBlock[] => [by(card, timeZone), ...recordDisagreementBlocks(card, timeZone)]

const scaleTitle = (scale: ExportScale, statement: (n: number) => string, overall: string, removed: string) =>
  scale.scaleId === 'overall' ? overall : scale.dangerStatementNumber !== null ? statement(scale.dangerStatementNumber) : removed

/**
 * A private scale in the record: that it exists, is private, and who has rated it (as the board
 * shows the facilitator), never a number, which nobody has seen before the reveal. A finished map
 * that was never revealed promises no later reveal.
 */
export function recordPrivateScale(ratedBy: readonly ExportPerson[], finalized: boolean): ToolkitBlock {
  const who = ratedBy.map((p) => p.name || 'name not recorded').join(', ')
  const people = `${ratedBy.length} ${ratedBy.length === 1 ? 'person' : 'people'}`
  if (finalized) {
    const rated = ratedBy.length === 0 ? 'nobody rated it' : `${people} rated it (${who})`
    return { style: 'muted', text: `Never revealed: ${rated}. The numbers and reasons were not shown before the map was finished, so they are not in this record.` }
  }
  const rated = ratedBy.length === 0 ? 'nobody has rated it yet' : `${people} ${ratedBy.length === 1 ? 'has' : 'have'} rated it (${who})`
  return { style: 'muted', text: `Private until revealed: ${rated}. The numbers and reasons stay hidden until the facilitator shows everyone’s ratings, so they are not in this record.` }
}

const capital = (words: string) => `${words.charAt(0).toUpperCase()}${words.slice(1)}`

/** The safety goal a next step was made for, with the number of the statement it answers (null when none). */
function stepGoal(model: CaseFileExport, step: ExportNextStep): { goal: ExportSafetyGoal; statement: number | null } | null {
  if (!step.safetyGoalId) return null
  for (const s of model.dangerStatements) {
    const goal = s.safetyGoals.find((g) => g.id === step.safetyGoalId)
    if (goal) return { goal, statement: s.number }
  }
  const goal = model.unlinkedSafetyGoals.find((g) => g.id === step.safetyGoalId)
  return goal ? { goal, statement: null } : null
}

/** The case-file record's blocks (English labels in the map variant's words; the map's own sentences as written). */
export function caseFileToolkitBlocks(model: CaseFileExport): ToolkitBlock[] {
  const w = recordPlanWords(model.variant)
  const sign = (card: ExportAttribution) => signed(card, model.meeting.timeZone)
  const out: ToolkitBlock[] = [{ style: 'h1', text: `${w.plan}: ${w.statement}s and ${w.goal}s` }]
  if (model.dangerStatements.length === 0) out.push({ style: 'muted', text: `No ${w.statement}s recorded.` })
  for (const s of model.dangerStatements) {
    out.push({ style: 'h2', text: `${capital(w.statement)} ${s.number}` }, { style: 'text', text: quoted(s.sentence, s) }, ...sign(s))
    // The statement's own "who disagrees" slot; "none" would contradict a person's recorded disagreement just above.
    if (s.disagreement !== null || s.disagreements.length === 0) out.push({ style: 'muted', text: `Disagreement recorded: ${s.disagreement ?? 'none'}` })
    if (s.safetyGoals.length === 0) out.push({ style: 'muted', text: `${capital(w.goal)} for statement ${s.number}: none linked.` })
    for (const g of s.safetyGoals) out.push({ style: 'text', text: `${capital(w.goal)} for statement ${s.number}: ${quoted(g.sentence, g)}` }, ...sign(g))
  }
  if (model.unlinkedSafetyGoals.length > 0) {
    out.push({ style: 'h2', text: `${capital(w.goal)}s not linked to a ${w.statement}` })
    for (const g of model.unlinkedSafetyGoals) out.push({ style: 'text', text: quoted(g.sentence, g) }, ...sign(g))
  }

  out.push({ style: 'h1', text: 'Next steps' })
  if (model.nextSteps.length === 0) out.push({ style: 'muted', text: 'No next steps recorded.' })
  for (const n of model.nextSteps) {
    const toward = stepGoal(model, n)
    out.push(
      { style: 'text', text: quoted(n.action || n.sentence, n) },
      { style: 'muted', text: `Owner: ${n.owner ?? NOT_RECORDED}; by: ${n.dueDate ?? NOT_RECORDED}` },
      ...(toward ? [{ style: 'muted', text: `Toward the ${w.goal}${toward.statement === null ? '' : ` for statement ${toward.statement}`}: ${toward.goal.sentence}` } as const] : []),
      ...sign(n),
    )
  }

  out.push({ style: 'h1', text: 'Scaling' })
  if (model.scales.every((s) => s.marks.length === 0 && !s.privateRatedBy)) out.push({ style: 'muted', text: 'No scaling marks recorded.' })
  for (const scale of model.scales) {
    // A scale whose ends were worded, or that was made private, is part of the record even before anyone rates.
    if (scale.marks.length === 0 && !scale.ends && !scale.privateRatedBy) continue
    out.push({ style: 'h2', text: scaleTitle(scale, (n) => `Scale for ${w.statement} ${n}`, `Overall ${w.scale} (0–10)`, `Scale of a removed ${w.statement}`) })
    if (scale.ends) out.push({ style: 'muted', text: recordScaleEnds(scale.ends) })
    if (scale.privateRatedBy) out.push(recordPrivateScale(scale.privateRatedBy, model.version.finalized))
    else if (scale.marks.length === 0) out.push({ style: 'muted', text: 'No marks recorded.' })
    for (const m of scale.marks) {
      out.push(
        { style: 'text', text: `${m.participant.name || 'name not recorded'}: ${m.value} out of 10` },
        ...(m.earlier.length > 0 ? [{ style: 'muted', text: `Trend: ${m.earlier.map((e) => `${e.value} (version ${e.version})`).join(' → ')} → ${m.value} now` } as const] : []),
        { style: 'muted', text: `What makes it this high: ${m.whatMakesItThisHigh || NOT_RECORDED}` },
        { style: 'muted', text: `What would make it one point higher: ${m.onePointHigher || NOT_RECORDED}` },
      )
    }
  }
  return out
}

const FAMILY_TOOLKIT: Readonly<Record<Locale, {
  statement: (n: number) => string
  /** Who does a next step by when; a part nobody has settled says so, so a family never wonders whether it was left off. */
  stepOwner: (owner: string | null, date: string | null) => string
  /** The worry, or the goal linked to none, a next step was made for. */
  stepForWorry: (n: number) => string
  stepForGoal: (goal: string) => string
  overall: string
  statementScale: (n: number) => string
  removed: string
  mark: (name: string, value: number) => string
  high: string
  higher: string
  said: (name: string) => string
  /** The same person's numbers at earlier meetings, then now. */
  trend: (earlier: readonly number[], now: number) => string
  /** As the phone says it while a scale is private (`phone.scale.private`, `toolkit.hidden.*`). */
  private: string
  /** A scale still private when the map was finished: nothing will be shown later. */
  neverShown: string
  nobodyRated: string
  hasRated: (name: string) => string
}>> = {
  en: {
    statement: (n) => `Worry ${n}`,
    stepOwner: (owner, date) => `Who: ${owner ?? 'not decided yet'} · ${date ? `By: ${date}` : 'By when: not decided yet'}`,
    stepForWorry: (n) => `This step is for Worry ${n}.`,
    stepForGoal: (goal) => `This step is for the goal: ${goal}`,
    overall: 'Overall',
    statementScale: (n) => `Worry ${n}`,
    removed: 'A worry that was taken off the map',
    mark: (name, value) => `${name}: ${value} out of 10`,
    high: 'Why this number:',
    higher: 'What would make it one point higher:',
    said: (name) => `— said by ${name}`,
    trend: (earlier, now) => `At earlier meetings: ${earlier.join(', then ')}. Now: ${now}.`,
    private: 'Private for now: everyone’s numbers will be shown together.',
    neverShown: 'Kept private: these numbers were not shown before the map was finished.',
    nobodyRated: 'Nobody has rated yet.',
    hasRated: (name) => `${name} has rated`,
  },
  es: {
    statement: (n) => `Preocupación ${n}`,
    stepOwner: (owner, date) => `Quién: ${owner ?? 'todavía no se ha decidido'} · ${date ? `Para: ${date}` : 'Para cuándo: todavía no se ha decidido'}`,
    stepForWorry: (n) => `Este paso es para la Preocupación ${n}.`,
    stepForGoal: (goal) => `Este paso es para la meta: ${goal}`,
    overall: 'En general',
    statementScale: (n) => `Preocupación ${n}`,
    removed: 'Una preocupación que se quitó del mapa',
    mark: (name, value) => `${name}: ${value} de 10`,
    high: 'Por qué este número:',
    higher: 'Qué haría que subiera un punto:',
    said: (name) => `— lo dijo ${name}`,
    trend: (earlier, now) => `En reuniones anteriores: ${earlier.join(', luego ')}. Ahora: ${now}.`,
    private: 'Por ahora es privado: los números de todos se mostrarán juntos.',
    neverShown: 'Quedó en privado: estos números no se mostraron antes de terminar el mapa.',
    nobodyRated: 'Nadie ha dado su número todavía.',
    hasRated: (name) => `${name} ya dio su número`,
  },
}

/** A private scale in the family copy, as the phone shows it: that it is private and who has rated, no numbers. */
export function familyPrivateScale(ratedBy: readonly ExportPerson[], finalized: boolean, locale: Locale, someone: string): ToolkitBlock[] {
  const w = FAMILY_TOOLKIT[locale]
  return [
    { style: 'muted', text: finalized ? w.neverShown : w.private },
    // All muted, so a page break keeps the notice with who has rated (see `keptTogetherEnd`).
    ...(ratedBy.length === 0 ? [w.nobodyRated] : ratedBy.map((p) => w.hasRated(p.name || someone))).map((text): ToolkitBlock => ({ style: 'muted', text })),
  ]
}

/** One person's number on a scale, in the family copy's words. */
export const familyScaleMark = (locale: Locale, name: string, value: number): string => FAMILY_TOOLKIT[locale].mark(name, value)

/**
 * The family copy's cards for map section `key`, in plain words in `locale` (no dates, ids or
 * roles), printed inside that section so each is said once, where a family looks for it: each
 * danger statement with its linked safety goals under the danger statements; goals linked to none
 * (and a pointer to the worries when some are linked) under the goals; next steps with who and
 * by when under the next steps; every rated scale under the scale. Empty for any other section,
 * or when the section has no cards.
 */
export function familySectionCardBlocks(model: CaseFileExport, key: SectionKey, locale: Locale, someone: string): ToolkitBlock[] {
  const w = FAMILY_TOOLKIT[locale]
  const goals = familyMapWords(locale, model.variant)
  const goal = (g: ExportSafetyGoal): ToolkitBlock => ({ style: 'text', text: `${goals.goal} ${quoted(composeSafetyGoal(g.slots, locale), g)}` })
  const step = (n: ExportNextStep): string => n.action || composeNextStep({ action: n.action, owner: n.owner ?? '', dueDate: n.dueDate ?? '' }, locale)
  /** Who said it, then who does not agree with it. */
  const said = (card: ExportAttribution): ToolkitBlock[] => [
    { style: 'by', text: w.said(card.author.name || someone) },
    ...familyDisagreementBlocks(card, locale, someone),
  ]
  const out: ToolkitBlock[] = []
  switch (key) {
    case 'danger':
      for (const s of model.dangerStatements) {
        // The sentence ends with its own "who disagrees" slot ("Not everyone agrees: …"), so it is not repeated below it.
        out.push({ style: 'h2', text: w.statement(s.number) }, { style: 'text', text: quoted(composeDangerStatement(s.slots, locale), s) }, ...said(s))
        for (const g of s.safetyGoals) out.push(goal(g), ...said(g))
      }
      break
    case 'goals':
      if (model.dangerStatements.some((s) => s.safetyGoals.length > 0)) out.push({ style: 'muted', text: goals.goalsWithWorries })
      for (const g of model.unlinkedSafetyGoals) out.push(goal(g), ...said(g))
      break
    case 'next-steps':
      for (const n of model.nextSteps) {
        const owner = w.stepOwner(n.owner, n.dueDate && formatFamilyDueDate(n.dueDate, locale))
        const toward = stepGoal(model, n)
        const forWhat = toward && (toward.statement === null ? w.stepForGoal(composeSafetyGoal(toward.goal.slots, locale)) : w.stepForWorry(toward.statement))
        out.push({ style: 'text', text: quoted(step(n), n) }, { style: 'muted', text: owner }, ...(forWhat ? [{ style: 'muted', text: forWhat } as const] : []), ...said(n))
      }
      break
    case 'scale':
      for (const scale of model.scales) {
        if (scale.marks.length === 0 && !scale.privateRatedBy) continue
        out.push({ style: 'h2', text: scaleTitle(scale, w.statementScale, w.overall, w.removed) })
        if (scale.ends) out.push({ style: 'muted', text: familyWords(locale).scaleEnds(scale.ends.zero, scale.ends.ten) })
        if (scale.privateRatedBy) out.push(...familyPrivateScale(scale.privateRatedBy, model.version.finalized, locale, someone))
        for (const m of scale.marks) {
          out.push({ style: 'text', text: w.mark(m.participant.name || someone, m.value) })
          if (m.earlier.length > 0) out.push({ style: 'muted', text: w.trend(m.earlier.map((e) => e.value), m.value) })
          if (m.whatMakesItThisHigh) out.push({ style: 'muted', text: `${w.high} ${m.whatMakesItThisHigh}` })
          if (m.onePointHigher) out.push({ style: 'muted', text: `${w.higher} ${m.onePointHigher}` })
        }
      }
      break
    default:
      break
  }
  return out
}
