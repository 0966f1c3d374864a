/**
 * Owns the words the exports print around the map's own text: the confidentiality banner, field
 * names, the withheld-items and missing-picture notices, in English and Spanish. The case-file
 * record (PDF, DOCX) is written in English for the agency; the family copy in the family's
 * language (the meeting's unless another is asked for), in plain words addressed to the family
 * ("usted").
 *
 * A wellbeing or consultation map's safety plan and family copy name its statements and goals in
 * that map's words ("worry statement", "wellbeing goal"): the variant picks each section's heading
 * key through map-model's `templateZoneWords`, and the words here are looked up under that key.
 *
 * ```ts
 * const w = familyWords('es'); w.intro
 * recordPlanWords('wellbeing').statement // 'worry statement'
 * ```
 */
import { formatDueDate, templateZoneWords, type LabelKey, type Locale, type MapVariantId, type SectionKey, type TemplateId } from '@safetymap/map-model'
import type { MeetingFormat, MeetingType } from '../meetings/meetingDetails.ts'
import type { ExportDisagreement, ExportWordingAgreed } from './CaseFileExport.ts'
import type { PlanFollowed } from '../journal/SafetyJournalStore.ts'

/** Short banner on every page of the case-file record (WIC 827 / 42 CFR Part 2 style). */
export const CONFIDENTIALITY_BANNER =
  'CONFIDENTIAL CHILD WELFARE RECORD. Protected by Cal. Welf. & Inst. Code §§ 827 and 10850; ' +
  'substance use disorder information is protected by 42 CFR Part 2. Do not redisclose without ' +
  'authorization or court order.'

/** The full notice printed once, under the header of the case-file record and DOCX. */
export const CONFIDENTIALITY_NOTICE =
  'This record is confidential child welfare case information. It may be inspected, copied or ' +
  'released only as permitted by Welfare and Institutions Code section 827, section 10850 and the ' +
  'rules of court. If it contains information about substance use disorder treatment, that ' +
  'information is protected by federal confidentiality rules (42 CFR Part 2), which prohibit ' +
  'further disclosure without the specific written consent of the person it concerns or as ' +
  'otherwise permitted by 42 CFR Part 2. A general authorization to release information is not ' +
  'sufficient for this purpose.'

export const NOT_RECORDED = 'not recorded'

/** The value, or "not recorded" when there is none. */
export const orNot = (value: string | null | undefined): string => (value ? value : NOT_RECORDED)

const MEETING_TYPE_LABELS: Readonly<Record<MeetingType, Readonly<Record<Locale, string>>>> = {
  'child-and-family-team': { en: 'Child and Family Team meeting', es: 'Reunión del Equipo del Niño y la Familia' },
  'safety-mapping': { en: 'Safety mapping meeting', es: 'Reunión de mapa de seguridad' },
  consultation: { en: 'Consultation', es: 'Consulta' },
  other: { en: 'Other meeting', es: 'Otra reunión' },
}

/** The kind of meeting in words. */
export function meetingTypeLabel(type: MeetingType, locale: Locale): string {
  return MEETING_TYPE_LABELS[type][locale]
}

const MEETING_FORMAT_LABELS: Readonly<Record<MeetingFormat, Readonly<Record<Locale, string>>>> = {
  'in-person': { en: 'In person', es: 'En persona' },
  remote: { en: 'Remote (by video or phone)', es: 'A distancia (por video o teléfono)' },
  hybrid: { en: 'Some people in person, some remote', es: 'Algunas personas en persona y otras a distancia' },
}

/** How the meeting was held, in words. */
export function meetingFormatLabel(format: MeetingFormat, locale: Locale): string {
  return MEETING_FORMAT_LABELS[format][locale]
}

const TEMPLATE_NAMES: Readonly<Record<TemplateId, Readonly<Record<Locale, string>>>> = {
  'three-column': { en: 'Safety map (three columns)', es: 'Mapa de seguridad (tres columnas)' },
  consultation: { en: 'Safety map with a grey area', es: 'Mapa de seguridad con zona gris' },
  wellbeing: { en: 'Wellbeing map', es: 'Mapa de bienestar' },
  'three-houses': { en: 'Three Houses', es: 'Las tres casas' },
  'safety-house': { en: 'Safety House', es: 'La casa segura' },
  circles: { en: 'Circles of safety and support', es: 'Círculos de seguridad y apoyo' },
  'safety-plan': { en: 'Safety plan', es: 'Plan de seguridad' },
  'words-and-pictures': { en: 'Words and pictures story', es: 'Cuento con palabras y dibujos' },
  ecomap: { en: 'Family and network diagram', es: 'Diagrama de la familia y su red de apoyo' },
  feedback: { en: 'Feedback on today’s meeting', es: 'Opiniones sobre la reunión de hoy' },
  'family-tree': { en: 'Family tree', es: 'Árbol familiar' },
}

/** A placed template's name; `null` (a template this version does not know) reads "Other template". */
export function templateName(templateId: TemplateId | null, locale: Locale): string {
  return templateId ? TEMPLATE_NAMES[templateId][locale] : locale === 'es' ? 'Otra plantilla' : 'Other template'
}

/** Notice under the child's own template in the record: what was left out, counted, never shown. */
export function notSharedNotice(count: number): string {
  return count === 0
    ? 'Only items the child agreed to share are exported; every item here was agreed.'
    : `Only items the child agreed to share are exported. ${count} item${count === 1 ? '' : 's'} the child did not agree to share ${count === 1 ? 'was' : 'were'} left out.`
}

/**
 * The words of `table` for map section `section` in the wording of `variant`: those under the
 * heading key the variant gives the section, else the section's own.
 */
function sectionWords<K extends 'danger' | 'goals', T>(table: Readonly<Partial<Record<LabelKey, T>> & Record<K, T>>, section: K, variant: MapVariantId): T {
  return table[templateZoneWords(section, variant).heading] ?? table[section]
}

const RECORD_STATEMENT = {
  danger: 'danger statement',
  'wellbeing-danger': 'worry statement',
  'consultation-danger': 'risk statement',
} as const

const RECORD_GOAL = {
  goals: { goal: 'safety goal', plan: 'Safety plan', scale: 'safety scale' },
  'wellbeing-goals': { goal: 'wellbeing goal', plan: 'Wellbeing plan', scale: 'wellbeing scale' },
} as const

/** How the case-file record names the statements, goals, plan and overall scale of a map in `variant`'s wording (lower case). */
export function recordPlanWords(variant: MapVariantId): { readonly statement: string; readonly goal: string; readonly plan: string; readonly scale: string } {
  return { statement: sectionWords(RECORD_STATEMENT, 'danger', variant), ...sectionWords(RECORD_GOAL, 'goals', variant) }
}

/** The map's status as the record prints it: "live" beside the meeting's end time read as if it were still going on. */
export const recordStatus = (status: 'live' | 'finalized'): string => (status === 'finalized' ? 'Finalized' : 'Draft, not finalized')

/**
 * Under a section of the record with no notes: what of it the record lists under its own heading
 * further down (MM-14) — statements and goals in the plan, next steps, ratings under Scaling — or
 * that it is empty.
 */
export function recordEmptySection(section: SectionKey, count: number, variant: MapVariantId): string {
  const w = recordPlanWords(variant)
  const listed = (word: string, heading: string) => `No notes; ${count} ${word}${count === 1 ? '' : 's'} listed under ${heading} below.`
  if (count === 0) return 'No items.'
  switch (section) {
    case 'danger':
      return listed(w.statement, `the ${w.plan.toLowerCase()}`)
    case 'goals':
      return listed(w.goal, `the ${w.plan.toLowerCase()}`)
    case 'next-steps':
      return listed('next step', 'Next steps')
    case 'scale':
      return listed('rating', 'Scaling')
    default:
      return 'No items.'
  }
}

interface FamilyMapWords {
  readonly title: string
  /** Leads a goal's sentence. */
  readonly goal: string
  /** Under the goals, when the goals are written under their worries. */
  readonly goalsWithWorries: string
}

const FAMILY_MAP: Readonly<Record<'goals' | 'wellbeing-goals', Readonly<Record<Locale, FamilyMapWords>>>> = {
  goals: {
    en: {
      title: 'Your family’s safety map',
      goal: 'What safety will look like:',
      goalsWithWorries: 'What safety will look like for each worry is written under that worry, above.',
    },
    es: {
      title: 'El mapa de seguridad de su familia',
      goal: 'Cómo se verá la seguridad:',
      goalsWithWorries: 'Cómo se verá la seguridad para cada preocupación está escrito debajo de esa preocupación, más arriba.',
    },
  },
  'wellbeing-goals': {
    en: {
      title: 'Your family’s wellbeing map',
      goal: 'What life will look like when the child is doing well:',
      goalsWithWorries: 'What life will look like for each worry is written under that worry, above.',
    },
    es: {
      title: 'El mapa de bienestar de su familia',
      goal: 'Cómo será la vida cuando al niño o la niña le esté yendo bien:',
      goalsWithWorries: 'Cómo será la vida para cada preocupación está escrito debajo de esa preocupación, más arriba.',
    },
  },
}

/** The family copy's title and goal words in `locale`, in `variant`'s wording ("Your family’s wellbeing map"). */
export function familyMapWords(locale: Locale, variant: MapVariantId): FamilyMapWords {
  return sectionWords(FAMILY_MAP, 'goals', variant)[locale]
}

interface FamilyWords {
  readonly intro: string
  readonly privacy: string
  readonly date: string
  readonly version: string
  readonly draft: string
  readonly whoWasThere: string
  readonly nobodyListed: string
  readonly saidBy: (name: string) => string
  readonly someone: string
  readonly nothingWritten: string
  /** The rating section when nobody gave a number. */
  readonly noRating: string
  readonly unsorted: string
  /** Over the picture of the board, on its own page. */
  readonly pictureHeading: string
  readonly withheld: (count: number) => string
  readonly page: (n: number, of: number) => string
  readonly meetingType: string
  readonly purpose: string
  /** The child or children the meeting was about. */
  readonly children: string
  readonly meetingFormat: string
  readonly agreements: string
  readonly desiredOutcome: string
  /** Added to the intro when someone recorded that they do not agree with something. */
  readonly someDisagree: string
  readonly childsWords: string
  readonly onlyWhatTheChildShared: string
  /** What the two ends of a scale mean, in the facilitator's words; an end left blank is left out. */
  readonly scaleEnds: (zero: string, ten: string) => string
  readonly parentAgreed: (givenBy: string, template: string, date: string) => string
  readonly path: string
  readonly noPathMark: string
  readonly inTheirWords: string
  readonly whoIsInTheCircles: string
  /** Under a box whose notes reach the workers only (a safety plan's phone numbers, MM-35), when some were given: kept, not lost. */
  readonly keptForWorkers: string
  /** That these people (one or more, in the order they said so) do not agree with the item above. */
  readonly disagree: (names: readonly string[]) => string
  /** A words and pictures story whose words the parents agreed to, as they are now (MM-36). */
  readonly wordingAgreed: (givenBy: string, recordedBy: string, date: string) => string
  readonly wordingDraft: string
  readonly wordingChanged: string
  /** Heading of a family and network diagram's lines between people (MM-37). */
  readonly ties: string
  /** Headings of a family tree's people and of how they are related (MM-39). */
  readonly familyPeople: string
  readonly familyRelationships: string
}

/** "Jess", "Jess and Ana", "Jess, Ana, and Thu" / "Jess, Ana y Thu" ("Ana e Isabel"), by the language's rules. */
export const listOfNames = (names: readonly string[], locale: Locale): string =>
  new Intl.ListFormat(locale === 'es' ? 'es-US' : 'en-US', { type: 'conjunction' }).format(names)

const FAMILY: Readonly<Record<Locale, FamilyWords>> = {
  en: {
    intro:
      'This is what people said at the meeting, in their own words. It shows what people ' +
      'are worried about, what is working well, and what needs to happen next.',
    someDisagree: 'Not everyone agreed with everything. Where someone does not agree, this copy says so.',
    privacy: 'This copy is for you and your family. Please keep it in a private place.',
    date: 'Meeting date',
    version: 'Map version',
    draft: 'draft, not final yet',
    whoWasThere: 'Who was there',
    nobodyListed: 'The list of people is not in this copy.',
    saidBy: (name) => `— said by ${name}`,
    someone: 'someone at the meeting',
    nothingWritten: 'Nothing was written here.',
    noRating: 'Nobody gave a number yet. You can give yours at the next meeting.',
    unsorted: 'Other things people wrote',
    pictureHeading: 'The map as it looked at the meeting',
    withheld: (count) =>
      `${count === 1 ? 'One private item is' : `${count} private items are`} not in this copy. Your social worker can explain why.`,
    page: (n, of) => `Page ${n} of ${of}`,
    meetingType: 'Kind of meeting',
    purpose: 'Why we met',
    children: 'About',
    meetingFormat: 'How we met',
    agreements: 'What we agreed about how we work together',
    desiredOutcome: 'What we hoped to get done today',
    childsWords: '— in the child’s own words',
    onlyWhatTheChildShared: 'This copy has only what the child said they were happy to share.',
    scaleEnds: (zero, ten) => [zero ? `0 means: ${zero}` : '', ten ? `10 means: ${ten}` : ''].filter(Boolean).join(' · '),
    parentAgreed: (givenBy, template, date) => `${givenBy} said it was all right to use ${template} with the child (${date}).`,
    path: 'The path to the door: how safe the child feels (0 to 10)',
    noPathMark: 'Nobody marked the path.',
    inTheirWords: 'In their own words:',
    whoIsInTheCircles: 'Who is in each circle',
    keptForWorkers: 'The phone numbers are kept only for the agency’s workers.',
    disagree: (names) => `${listOfNames(names, 'en')} ${names.length === 1 ? 'does' : 'do'} not agree with this.`,
    wordingAgreed: (givenBy, recordedBy, date) => `Parents agreed to this wording: ${givenBy} (recorded by ${recordedBy}, ${date})`,
    wordingDraft: 'Not yet agreed with the parents — draft',
    wordingChanged: 'The words changed after the parents agreed — check with them again',
    ties: 'How the people are connected',
    familyPeople: 'Who is in the family',
    familyRelationships: 'How they are related',
  },
  es: {
    intro:
      'Esto es lo que la gente dijo en la reunión, en sus propias palabras. Muestra lo que ' +
      'preocupa a la gente, lo que está funcionando bien y lo que tiene que pasar ahora.',
    someDisagree: 'No todos estuvieron de acuerdo con todo. Cuando alguien no está de acuerdo, esta copia lo dice.',
    privacy: 'Esta copia es para usted y su familia. Por favor, guárdela en un lugar privado.',
    date: 'Fecha de la reunión',
    version: 'Versión del mapa',
    draft: 'borrador, todavía no es final',
    whoWasThere: 'Quiénes estuvieron',
    nobodyListed: 'La lista de personas no está en esta copia.',
    saidBy: (name) => `— lo dijo ${name}`,
    someone: 'alguien de la reunión',
    nothingWritten: 'No se escribió nada aquí.',
    noRating: 'Nadie dio un número todavía. Usted puede dar el suyo en la próxima reunión.',
    unsorted: 'Otras cosas que la gente escribió',
    pictureHeading: 'El mapa como se veía en la reunión',
    withheld: (count) =>
      `${count === 1 ? 'Un dato privado no está' : `${count} datos privados no están`} en esta copia. Su trabajador o trabajadora social le puede explicar por qué.`,
    page: (n, of) => `Página ${n} de ${of}`,
    meetingType: 'Tipo de reunión',
    purpose: 'Para qué nos reunimos',
    children: 'Sobre',
    meetingFormat: 'Cómo nos reunimos',
    agreements: 'Lo que acordamos sobre cómo trabajar juntos',
    desiredOutcome: 'Lo que esperábamos lograr hoy',
    childsWords: '— en las propias palabras del niño o la niña',
    onlyWhatTheChildShared: 'Esta copia tiene solo lo que el niño o la niña dijo que quería compartir.',
    scaleEnds: (zero, ten) => [zero ? `0 quiere decir: ${zero}` : '', ten ? `10 quiere decir: ${ten}` : ''].filter(Boolean).join(' · '),
    parentAgreed: (givenBy, template, date) => `${givenBy} dijo que estaba bien usar ${template} con el niño o la niña (${date}).`,
    path: 'El camino a la puerta: qué tan seguro se siente el niño o la niña (de 0 a 10)',
    noPathMark: 'Nadie marcó el camino.',
    inTheirWords: 'En sus propias palabras:',
    whoIsInTheCircles: 'Quién está en cada círculo',
    keptForWorkers: 'Los números de teléfono se guardan solo para el personal de la agencia.',
    disagree: (names) => `${listOfNames(names, 'es')} no ${names.length === 1 ? 'está' : 'están'} de acuerdo con esto.`,
    wordingAgreed: (givenBy, recordedBy, date) => `Los padres están de acuerdo con estas palabras: ${givenBy} (lo anotó ${recordedBy}, ${date})`,
    wordingDraft: 'Todavía no se ha acordado con los padres — borrador',
    wordingChanged: 'Las palabras cambiaron después de que los padres dieron su acuerdo — hay que revisarlas con ellos otra vez',
    ties: 'Cómo están conectadas las personas',
    familyPeople: 'Quién es de la familia',
    familyRelationships: 'Cómo están emparentados',
  },
}

/** The family copy's words in one language. */
export function familyWords(locale: Locale): FamilyWords {
  return FAMILY[locale]
}

/**
 * Where a words and pictures story's words stand (MM-36), in `locale`: agreed (who, who recorded
 * it, `when` it was recorded), a draft, or changed since the parents agreed. The record prints the
 * English line with its own clock; the family copy its language's.
 */
export function wordingLine(agreed: ExportWordingAgreed | null, locale: Locale, when: (iso: string) => string, nobody: string): string {
  const w = FAMILY[locale]
  if (!agreed) return w.wordingDraft
  return agreed.stillCurrent ? w.wordingAgreed(agreed.givenBy || nobody, agreed.recordedBy.name || nobody, when(agreed.at)) : w.wordingChanged
}

/** What 0 and 10 mean, for the case-file record ("0 = …, 10 = …"). */
export function recordScaleEnds(ends: { readonly zero: string; readonly ten: string }): string {
  return `0 = ${ends.zero || NOT_RECORDED}, 10 = ${ends.ten || NOT_RECORDED}`
}

/** One person's disagreement with the item above, for the case-file record (MM-25): who, and when they recorded it. */
export function recordDisagreement(disagreement: ExportDisagreement, timeZone: string): string {
  const when = formatRecordTime(disagreement.at, timeZone)
  return `Does not agree: ${disagreement.participant.name || 'name not recorded'}, ${when === NOT_RECORDED ? 'time not recorded' : `recorded ${when}`}`
}

/**
 * The notice on restricted items (the child's own template counts what it leaves out on its own,
 * so "none" must not read as "nothing at all was left out").
 */
export function withheldNotice(count: number): string {
  if (count === 0) return 'No restricted items were withheld from this export.'
  const [items, it, It] = count === 1 ? ['1 item was', 'it is', 'It is'] : [`${count} items were`, 'they are', 'They are']
  return `${items} withheld from this export because ${it} marked restricted ` +
    `(for example substance use treatment or health information). ${It} kept by the agency under the consent on file.`
}

/** Under a workers-only box of the record (MM-35) that holds some: how many, never what they say. */
export function recordKeptForWorkers(count: number): string {
  return `${count} contact${count === 1 ? ' is' : 's are'} kept for the meeting’s workers only and ${count === 1 ? 'is' : 'are'} not printed in this record.`
}

/** Notice printed when the facilitator's browser sent no picture of the canvas. */
export const PICTURE_MISSING =
  'Canvas picture: not included. This export was made without a picture of the canvas (the picture ' +
  'is rendered in the facilitator’s browser; export from the meeting page to include it). The text ' +
  'above is the complete content of the map.'

const timeFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * The one formatter behind every time an export prints for people: in the agency's zone
 * (`TIME_ZONE`), named by its abbreviation where the time is shown ("PST", "PDT" in summer), so
 * the same moment is never read two ways. Kept per zone and style; building one is not free.
 */
function timeFormat(language: string, timeZone: string, style: 'record' | 'words' | 'day'): Intl.DateTimeFormat {
  const key = `${language} ${timeZone} ${style}`
  let format = timeFormats.get(key)
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      style === 'record'
        ? { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }
        : style === 'words'
          ? { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }
          : { dateStyle: 'long' }
    format = new Intl.DateTimeFormat(language, { ...options, timeZone })
    timeFormats.set(key, format)
  }
  return format
}

const familyLanguage = (locale: Locale) => (locale === 'es' ? 'es-US' : 'en-US')

/** A recorded moment for the record ("2026-11-25 02:01 PST"), as the agency's clock showed it. */
export function formatRecordTime(isoTime: string | null, timeZone: string): string {
  const at = isoTime ? new Date(isoTime) : null
  if (!at || Number.isNaN(at.getTime())) return NOT_RECORDED
  const part = Object.fromEntries(timeFormat('en-US', timeZone, 'record').formatToParts(at).map((p) => [p.type, p.value]))
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute} ${part.timeZoneName}`
}

/** A moment in words for the family copy ("November 25, 2026 at 2:01 AM PST" / "… a las 2:01 a.m. PST"). */
export function formatFamilyTime(isoTime: string, locale: Locale, timeZone: string): string {
  return timeFormat(familyLanguage(locale), timeZone, 'words').format(new Date(isoTime))
}

/** The day of a moment for the family copy ("November 25, 2026" / "25 de noviembre de 2026"), on the agency's calendar. */
export function formatFamilyDate(isoTime: string, locale: Locale, timeZone: string): string {
  return timeFormat(familyLanguage(locale), timeZone, 'day').format(new Date(isoTime))
}

/**
 * A next step's due date in the family copy, in the same style as its other dates. A date the
 * calendar does not have, or free text ("next Friday"), is left to map-model's `formatDueDate`.
 */
export function formatFamilyDueDate(dueDate: string, locale: Locale): string {
  const day = dueDate.trim()
  const at = new Date(`${day}T00:00:00Z`)
  // A due date is a calendar day, not a moment: read at UTC midnight, it is the day that was written in every zone.
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(at.getTime()) && at.toISOString().startsWith(day)
    ? formatFamilyDate(at.toISOString(), locale, 'UTC')
    : formatDueDate(dueDate, locale)
}

/** `true` → yes, `false` → no, `null` → not recorded. */
export function yesNo(value: boolean | null): string {
  return value === null ? NOT_RECORDED : value ? 'yes' : 'no'
}

/** The words the exports print around the safety journal (guide §5), per language. */
export interface JournalWords {
  readonly heading: string
  /** Under the heading of the family copy: what the journal is. */
  readonly intro: string
  /** The line under an entry: who wrote it, the visit it is about, when it was written. */
  readonly by: (name: string, visitDay: string, writtenAt: string) => string
  readonly planFollowed: (answer: PlanFollowed) => string
}

const PLAN_ANSWERS: Readonly<Record<Locale, Readonly<Record<PlanFollowed, string>>>> = {
  en: { yes: 'yes', partly: 'partly', no: 'no', 'not-sure': 'not sure' },
  es: { yes: 'sí', partly: 'en parte', no: 'no', 'not-sure': 'no está claro' },
}

const JOURNAL: Readonly<Record<Locale, JournalWords>> = {
  en: {
    heading: 'Safety journal',
    intro: 'What people wrote between meetings about how visits and the safety plan went, in their own words.',
    by: (name, visitDay, writtenAt) => `— ${name}, about the visit on ${visitDay} (written ${writtenAt})`,
    planFollowed: (answer) => `Was the safety plan followed? ${PLAN_ANSWERS.en[answer]}`,
  },
  es: {
    heading: 'Diario de seguridad',
    intro: 'Lo que la gente escribió entre reuniones sobre cómo fueron las visitas y el plan de seguridad, en sus propias palabras.',
    by: (name, visitDay, writtenAt) => `— lo escribió ${name}, sobre la visita del ${visitDay} (escrito el ${writtenAt})`,
    planFollowed: (answer) => `¿Se siguió el plan de seguridad? ${PLAN_ANSWERS.es[answer]}`,
  },
}

/** The safety journal's words in one language. */
export function journalWords(locale: Locale): JournalWords {
  return JOURNAL[locale]
}
