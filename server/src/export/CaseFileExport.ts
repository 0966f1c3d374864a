/**
 * Owns the export model: one plain, versioned record of a meeting's map (what
 * `docs/export-schema.json` describes), built from the authoritative doc through map-model plus
 * what the server knows about the meeting. Every renderer (PDF, family PDF, DOCX, JSON) reads this
 * model and nothing else, so the formats cannot disagree.
 *
 * Deterministic by construction: no clock, no randomness. The same doc state, meeting record,
 * roster, version and picture give the same model (and so byte-identical JSON).
 *
 * Fields not recorded (no agency configured, no case reference entered, …) are `null` and render
 * as "not recorded"; they are never guessed. Placed templates (Three Houses, Safety House,
 * circles, more maps) are exported per placement; in the child's own template (Three Houses) only
 * the items the child agreed to share are kept, word for word, and the others are only counted.
 * Every note and card carries who recorded that they do not agree with it (map-model MM-25), with
 * when: a family member's disagreement is part of the record. Headings and hints are the agency's
 * own where its labels file has them (map-model MM-28), as the board and the phones show them.
 *
 * ```ts
 * const model = buildCaseFileExport({ meeting, map: readMap(doc), stateSha256, roster, version, picture: null, withheld, labels: config.labels })
 * ```
 */
import { createHash } from 'node:crypto'
import {
  CHILDS_OWN_TEMPLATES,
  SECTION_KEYS,
  columnOf,
  isWorkersOnlyZone,
  pathRow,
  placedZoneId,
  scaleRows,
  templateZoneText,
  zoneLabel,
  type Attribution,
  type ColumnKey,
  type DangerStatementSlots,
  type Disagreement,
  type ItemZoneKey,
  type LabelOverrides,
  type Locale,
  type MapVariantId,
  type MapItem,
  type MapDangerStatement,
  type MapNextStep,
  type MapSafetyGoal,
  type MapPlacedTemplate,
  type SafetyGoalSlots,
  type SafetyMap,
  type ScaleRow,
  type SectionKey,
  type ParentConsent,
  type EcomapTie,
  type FamilyMember,
  type FamilyRelationship,
  type TemplateId,
} from '@safetymap/map-model'
import type { MeetingFormat, MeetingType } from '../meetings/meetingDetails.ts'
import { templateName } from './exportWords.ts'
import { earlierNumbers, type EarlierNumbers, type FinishedVersion } from '../ratings/earlierNumbers.ts'
import type { JournalEntry, PlanFollowed } from '../journal/SafetyJournalStore.ts'

/** Version of the export schema (`docs/export-schema.json`); semver: new optional fields bump minor. */
export const EXPORT_SCHEMA_VERSION = '1.16.0'
/** `$id` of the schema this model follows. */
export const EXPORT_SCHEMA_ID = `https://safetymap.invalid/schemas/export/${EXPORT_SCHEMA_VERSION}`


/** One safety journal entry (safety-mapping guide §5): how a visit and the plan went, in its author's words. */
export interface ExportJournalEntry {
  readonly id: string
  readonly author: ExportPerson & { readonly kind: 'worker' | 'participant' }
  /** `YYYY-MM-DD`: the day the entry is about. */
  readonly visitDay: string
  /** ISO 8601, server time. */
  readonly writtenAt: string
  readonly text: string
  /** "Was the safety plan followed?"; `null` when not answered. */
  readonly planFollowed: PlanFollowed | null
}

/** The formats the export route renders. */
export const EXPORT_FORMATS = ['pdf', 'family-pdf', 'docx', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface ExportPerson {
  /** Our id (worker or participant); empty when the doc carried none. */
  readonly id: string
  readonly name: string
}

/** One person's recorded disagreement with a note or card (map-model MM-25): part of the record. */
export interface ExportDisagreement {
  readonly participant: ExportPerson
  /** ISO 8601, when they recorded it; `null` when missing. */
  readonly at: string | null
}

export interface ExportItem {
  readonly id: string
  readonly text: string
  readonly author: ExportPerson
  /** ISO 8601, as the item recorded it; `null` when missing. */
  readonly createdAt: string | null
  /** Whether the item is a direct quote of its author or speaker. */
  readonly directQuote: boolean
  /** Since 1.3.0. Who recorded that they do not agree with the item, earliest first; empty when nobody did. */
  readonly disagreements: readonly ExportDisagreement[]
  /** Since 1.3.0. The last person other than the author who changed its words, and when (map-model MM-9a); `null` when nobody did. */
  readonly changedBy: ExportChange | null
}

/** Someone other than the author who changed an item's words. */
export interface ExportChange {
  readonly participant: ExportPerson
  /** ISO 8601. */
  readonly at: string
}

/** Who added a card, when, whether it is their own words, and who does not agree with it. */
export interface ExportAttribution {
  readonly author: ExportPerson
  readonly createdAt: string | null
  readonly directQuote: boolean
  /** Since 1.3.0. Who recorded that they do not agree with the card, earliest first; empty when nobody did. */
  readonly disagreements: readonly ExportDisagreement[]
}

export interface ExportSafetyGoal extends ExportAttribution {
  readonly id: string
  /** The goal as one sentence in the meeting's language. */
  readonly sentence: string
  /** The goal's parts as written, from which the family copy composes it in its own language. */
  readonly slots: Readonly<SafetyGoalSlots>
}

export interface ExportDangerStatement extends ExportAttribution {
  readonly id: string
  readonly number: number
  /** The statement as one sentence in the meeting's language. */
  readonly sentence: string
  /** The statement's parts as written, from which the family copy composes it in its own language. */
  readonly slots: Readonly<DangerStatementSlots>
  /**
   * Who does not share the worry, as typed into the statement's own slot; `null` when it is empty.
   * People who recorded their own disagreement with the card are in `disagreements`.
   */
  readonly disagreement: string | null
  /** The safety goals linked to this statement. */
  readonly safetyGoals: readonly ExportSafetyGoal[]
}

export interface ExportNextStep extends ExportAttribution {
  readonly id: string
  readonly sentence: string
  readonly action: string
  readonly owner: string | null
  /** `YYYY-MM-DD`, or `null` when none was set. */
  readonly dueDate: string | null
  readonly safetyGoalId: string | null
}

export interface ExportScalingMark {
  readonly participant: ExportPerson
  readonly value: number
  readonly whatMakesItThisHigh: string
  readonly onePointHigher: string
  readonly createdAt: string | null
  /** Since 1.8.0. The same person's number on the same scale in each earlier finished version, oldest first: the trend. */
  readonly earlier: readonly ExportEarlierMark[]
}

/** A person's number on a scale when an earlier version of the map was finished. */
export interface ExportEarlierMark {
  readonly version: number
  readonly value: number
}

/** What 0 and 10 mean on a scale, as the facilitator worded them. */
export interface ExportScaleEnds {
  readonly zero: string
  readonly ten: string
}

export interface ExportScale {
  /** `overall`, the danger statement's id, or a Safety House path's zone id. */
  readonly scaleId: string
  /** The statement's number for a statement's scale, `null` for the overall scale, a path or a removed statement. */
  readonly dangerStatementNumber: number | null
  readonly marks: readonly ExportScalingMark[]
  /** `null` when the ends were not worded. */
  readonly ends: ExportScaleEnds | null
  /**
   * Since 1.6.0. While the scale is private until revealed (map-model MM-22 … MM-24): who has
   * rated it, as the board and the phones show them, whoever gave a number before it was made
   * private too. Nobody sees the numbers until the reveal, so `marks` is then empty, even of those
   * earlier numbers (the reveal shows them again). `null` when public.
   */
  readonly privateRatedBy: readonly ExportPerson[] | null
}

export interface ExportSection {
  readonly key: SectionKey
  readonly column: ColumnKey | null
  /** Since 1.7.0. The column's heading, as the board heads it (the agency's own words, MM-28); `null` without a column. */
  readonly columnLabel: Readonly<Record<Locale, string>> | null
  readonly label: Readonly<Record<Locale, string>>
  /** Since 1.4.0. What the section asks, in the map's own wording (a wellbeing map's goals are about the child doing well). */
  readonly hint: Readonly<Record<Locale, string>>
  readonly items: readonly ExportItem[]
}

export interface ExportTemplateItem extends ExportItem {
  /** The child agreed to share it (map-model MM-29): their own words, printed verbatim in quotation marks. */
  readonly childAgreed: boolean
}

export interface ExportTemplateSection {
  readonly key: ItemZoneKey
  /** What the section is for (the catalogue heading): printed beside the child's own name for it. */
  readonly label: Readonly<Record<Locale, string>>
  /** The child's own name for the house, verbatim; `null` when not renamed. */
  readonly childsName: string | null
  readonly items: readonly ExportTemplateItem[]
  /**
   * Since 1.11.0. Only on a box whose notes reach the meeting's workers only (a safety plan's
   * phone numbers and contacts, map-model MM-35): how many were given. They are kept by the agency
   * and never exported, so `items` stays empty; only the count is here.
   */
  readonly keptForWorkers?: number
}

/** The parent's consent to use a child's template, as the facilitator recorded it. */
export interface ExportParentConsent {
  /** Who gave it, as written (e.g. "Jess, Kai's mum"). */
  readonly givenBy: string
  readonly recordedBy: ExportPerson
  /** ISO 8601. */
  readonly at: string
}

/** The parents' agreement to a words and pictures story's words (map-model MM-36). */
export interface ExportWordingAgreed extends ExportParentConsent {
  /** False once a note on the story changed after they agreed: the words are a draft again. */
  readonly stillCurrent: boolean
}

/** A person on the circles of safety and support and the ring they are in. */
export interface ExportCirclePerson {
  readonly itemId: string
  /** As written on the token. */
  readonly name: string
  /** The roster participant the token stands for, or `null`. */
  readonly participantId: string | null
  readonly ring: ItemZoneKey
  readonly ringLabel: Readonly<Record<Locale, string>>
}

/** One template placed on the map, with its items per section. */
export interface ExportTemplate {
  readonly placementId: string
  /** `null` for a template this version does not know. */
  readonly templateId: TemplateId | null
  readonly name: Readonly<Record<Locale, string>>
  /** The child's own template: only items the child agreed to share are listed. */
  readonly childsOwnWords: boolean
  readonly sections: readonly ExportTemplateSection[]
  /** Items of the child's own template left out because the child did not agree to share them. */
  readonly notShared: number
  /** The parent's consent to use the template, or `null` when none was recorded. */
  readonly parentConsent: ExportParentConsent | null
  /** A Safety House's path to the door (the child's scale; their words in `whatMakesItThisHigh`), else `null`. */
  readonly path: ExportScale | null
  /** Circles of safety and support: every person from the centre ring out, else `null`. */
  readonly people: readonly ExportCirclePerson[] | null
  /** Since 1.12.0. Only on a words and pictures story: the parents' agreement to its words, or `null` while a draft. */
  readonly wordingAgreed?: ExportWordingAgreed | null
  /** Since 1.13.0. Only on a family and network diagram: the lines between two of its notes (map-model MM-37); none to a restricted note. */
  readonly ties?: readonly EcomapTie[]
  /** Since 1.16.0. Only on a family tree: its people (map-model MM-39); none restricted. */
  readonly familyMembers?: readonly FamilyMember[]
  /** Since 1.16.0. Only on a family tree: the lines between two of its people (MM-39); none to a restricted person. */
  readonly relationships?: readonly FamilyRelationship[]
}

/** One person on the meeting's roster, with what was recorded about them (`null`: not recorded). */
export interface ExportParticipant {
  readonly id: string
  readonly name: string
  /** Role in the meeting (facilitator, editor, viewer) or in the agency. */
  readonly role: string
  readonly relationship: string | null
  /** How they attended: in-room, video, phone; for the agency workers who ran it, in-room or remote as the meeting was held, else `facilitating`. */
  readonly attendance: string | null
  readonly confidentialityAgreement: boolean | null
  /** `true` once a facilitator recorded their signed release-of-information consent; `null`: not recorded. */
  readonly releaseConsent: boolean | null
  /** Version of the confidentiality agreement they accepted, when recorded. */
  readonly consentVersion: string | null
  /** Place in the meeting: admitted, removed (left or taken off) …; `null` for agency staff. */
  readonly status: string | null
  /** Where this entry comes from: the roster, the meeting owner, or only an item's author line. */
  readonly source: 'roster' | 'owner' | 'item-author'
}

export interface ExportVersion {
  /** The meeting's version number (1, then one more per reopen). */
  readonly number: number
  readonly finalized: boolean
  /** Human label: `v3` when finalized, `v3-draft-<12 hex of the state hash>` while live. */
  readonly label: string
  /** SHA-256 of the doc state the export was read from. */
  readonly stateSha256: string
  readonly finalizedAt: string | null
  readonly finalizedBy: ExportPerson | null
}

export type ExportCanvasPicture =
  | { readonly included: false }
  | { readonly included: true; readonly mediaType: 'image/png'; readonly width: number; readonly height: number; readonly sha256: string }

export interface CaseFileExport {
  readonly $schema: string
  readonly schemaVersion: string
  /** Deterministic id of this record: the same map version (and picture) gives the same id. */
  readonly exportId: string
  readonly meeting: {
    readonly id: string
    readonly title: string
    readonly locale: Locale
    readonly status: 'live' | 'finalized'
    readonly createdAt: string
    readonly agency: string | null
    /**
     * Since 1.10.0. The agency's IANA time zone (`TIME_ZONE`), in which the PDF, Word and family
     * copies print times. The times in this model stay ISO 8601 UTC.
     */
    readonly timeZone: string
    readonly caseReference: string | null
    /** Since 1.9.0. The child or children the meeting is about, as the family calls them; empty when none were entered. */
    readonly children: readonly string[]
    readonly meetingType: MeetingType | null
    /** Since 1.9.0. How the meeting was held: in person, remote or hybrid. */
    readonly meetingFormat: MeetingFormat | null
    /** As entered, else when a facilitator first opened the map. */
    readonly startedAt: string | null
    /** As entered, else when the meeting was ended. */
    readonly endedAt: string | null
    readonly purpose: string | null
    /** Since 1.9.0. The group's agreements for the meeting, confidentiality among them. */
    readonly agreements: string | null
    /** Since 1.9.0. What the meeting hoped to achieve that day. */
    readonly desiredOutcome: string | null
  }
  readonly version: ExportVersion
  readonly participants: readonly ExportParticipant[]
  readonly sections: readonly ExportSection[]
  /** Notes outside every section zone. */
  readonly unsorted: readonly ExportItem[]
  /** Danger statements in number order, each with its linked safety goals. */
  readonly dangerStatements: readonly ExportDangerStatement[]
  /** Safety goals linked to no statement still on the map. */
  readonly unlinkedSafetyGoals: readonly ExportSafetyGoal[]
  readonly nextSteps: readonly ExportNextStep[]
  /** The overall scale and one per danger statement, with every participant's mark and reasons. */
  readonly scales: readonly ExportScale[]
  /** Templates placed on the map besides the three-column map, left to right. */
  readonly templates: readonly ExportTemplate[]
  /** Items left out of this export (restricted by consent); only the count is exported. */
  readonly withheld: { readonly count: number }
  readonly canvasPicture: ExportCanvasPicture
  /**
   * Since 1.5.0. Which map was used (map-model MM-34): its words name the safety plan's statements
   * and goals ("worry statement" on a wellbeing map) and title the family copy.
   */
  readonly variant: MapVariantId
  /**
   * Since 1.15.0. The safety journal written with this version of the map, oldest first: every
   * entry written before the next version was finalized (for the newest version, every entry so far).
   */
  readonly journal: readonly ExportJournalEntry[]
}

/** What the server knows about the meeting outside the doc. */
export interface ExportMeetingRecord {
  readonly id: string
  readonly title: string
  readonly locale: Locale
  readonly status: 'live' | 'finalized'
  /** Epoch milliseconds. */
  readonly createdAt: number
  readonly agency?: string | null
  /** IANA zone the human-readable copies print times in; UTC when not given. */
  readonly timeZone?: string
  readonly caseReference?: string | null
  readonly children?: readonly string[]
  readonly meetingType?: MeetingType | null
  readonly meetingFormat?: MeetingFormat | null
  readonly startedAt?: number | null
  readonly endedAt?: number | null
  readonly purpose?: string | null
  readonly agreements?: string | null
  readonly desiredOutcome?: string | null
}

export interface ExportVersionRecord {
  readonly number: number
  readonly finalized: boolean
  readonly finalizedAt: number | null
  readonly finalizedBy: ExportPerson | null
}

export interface BuildCaseFileExportInput {
  readonly meeting: ExportMeetingRecord
  readonly map: SafetyMap
  /** SHA-256 (hex) of the doc state `map` was read from. */
  readonly stateSha256: string
  /** Roster entries; the meeting owner comes first. Item authors not on it are appended. */
  readonly roster: readonly ExportParticipant[]
  readonly version: ExportVersionRecord
  readonly picture: ExportCanvasPicture
  /** Ids of items that must not leave the agency (restricted); they are dropped and counted. */
  readonly restrictedItemIds: ReadonlySet<string>
  /** Restricted items held outside the doc (never in the shared doc), counted in the notice. */
  readonly restrictedHeldElsewhere?: number
  /** How many restricted items sit in each box of the shared map, by the box's shape id (a workers-only box's count). */
  readonly restrictedPerBox?: ReadonlyMap<string, number>
  /** The deployment's own headings and hints (`LABELS_FILE`, map-model MM-28); the catalogue's words otherwise. */
  readonly labels?: LabelOverrides
  /** The map as each earlier version was finished, oldest first: where each mark's trend comes from. */
  readonly earlierVersions?: readonly FinishedVersion[]
  /** The safety journal entries this version's record holds, oldest first. */
  readonly journal?: readonly JournalEntry[]
}

const iso = (ms: number | null | undefined): string | null => (typeof ms === 'number' ? new Date(ms).toISOString() : null)

const toDisagreements = (list: readonly Disagreement[] | undefined): ExportDisagreement[] =>
  (list ?? []).map((d) => ({ participant: { id: d.participantId, name: d.name }, at: d.at === '' ? null : d.at }))

const toExportItem = (item: MapItem): ExportItem => ({
  id: item.id,
  text: item.text,
  author: { id: item.authorId, name: item.authorName },
  createdAt: item.createdAt === '' ? null : item.createdAt,
  directQuote: item.quote === true,
  disagreements: toDisagreements(item.disagreements),
  changedBy: item.changedBy ? { participant: { id: item.changedBy.id, name: item.changedBy.name }, at: item.changedBy.at } : null,
})

const attribution = (card: Attribution): ExportAttribution => ({
  author: { id: card.authorId, name: card.authorName },
  createdAt: card.createdAt === '' ? null : card.createdAt,
  directQuote: card.quote,
  disagreements: toDisagreements(card.disagreements),
})

const toGoal = (goal: MapSafetyGoal): ExportSafetyGoal => ({
  id: goal.id,
  sentence: goal.sentence,
  slots: { ...goal.slots },
  ...attribution(goal),
})

const toStatement = (statement: MapDangerStatement, goals: readonly MapSafetyGoal[]): ExportDangerStatement => ({
  id: statement.id,
  number: statement.number,
  sentence: statement.sentence,
  slots: { ...statement.slots },
  disagreement: statement.slots.whoDisagrees.trim() === '' ? null : statement.slots.whoDisagrees,
  safetyGoals: goals.filter((g) => g.dangerStatementId === statement.id).map(toGoal),
  ...attribution(statement),
})

const toNextStep = (step: MapNextStep): ExportNextStep => ({
  id: step.id,
  sentence: step.sentence,
  action: step.fields.action,
  owner: step.fields.owner.trim() === '' ? null : step.fields.owner,
  dueDate: step.fields.dueDate === '' ? null : step.fields.dueDate,
  safetyGoalId: step.safetyGoalId,
  ...attribution(step),
})

/** A zone's heading in both languages, in its template's (or the map variant's) wording, or the agency's own. */
const sectionLabel = (key: ItemZoneKey, templateId: TemplateId | null, labels: LabelOverrides | undefined): Record<Locale, string> => ({
  en: templateZoneText(key, templateId, 'en', labels).heading,
  es: templateZoneText(key, templateId, 'es', labels).heading,
})

/** What a zone asks, in both languages and the same wording. */
const sectionHint = (key: ItemZoneKey, templateId: TemplateId | null, labels: LabelOverrides | undefined): Record<Locale, string> => ({
  en: templateZoneText(key, templateId, 'en', labels).hint ?? '',
  es: templateZoneText(key, templateId, 'es', labels).hint ?? '',
})

/** A column's heading in both languages, or the agency's own. */
const columnLabel = (column: ColumnKey, labels: LabelOverrides | undefined): Record<Locale, string> => ({
  en: zoneLabel(column, 'en', labels),
  es: zoneLabel(column, 'es', labels),
})

/**
 * A placed template's sections. In the child's own template an item the child did not agree to
 * share is dropped and counted in `notShared`; a restricted item is dropped by `keep` (and so is
 * its token on the circles, counted once with the item). A workers-only box counts what it holds
 * in the restricted doc (`perBox`).
 */
function toTemplate(
  placed: MapPlacedTemplate,
  keep: (items: readonly MapItem[]) => MapItem[],
  restricted: ReadonlySet<string>,
  perBox: ReadonlyMap<string, number>,
  map: SafetyMap,
  labels: LabelOverrides | undefined,
  earlier: EarlierNumbers,
): ExportTemplate {
  const childsOwnWords = placed.templateId !== null && CHILDS_OWN_TEMPLATES.has(placed.templateId)
  let notShared = 0
  // A line between two people is said only when neither end is restricted.
  const shown = (tie: { readonly fromItemId: string; readonly toItemId: string }) => !restricted.has(tie.fromItemId) && !restricted.has(tie.toItemId)
  const sections = (Object.entries(placed.sections) as [ItemZoneKey, readonly MapItem[]][]).map(([key, items]) => ({
    key,
    label: sectionLabel(key, placed.templateId, labels),
    childsName: placed.headings[key] ?? null,
    items: keep(items).flatMap((item): ExportTemplateItem[] => {
      const childAgreed = item.childAgreed === true
      if (childsOwnWords && !childAgreed) {
        notShared++
        return []
      }
      return [{ ...toExportItem(item), childAgreed }]
    }),
    ...(isWorkersOnlyZone(key) ? { keptForWorkers: perBox.get(placedZoneId(placed.placementId, key)) ?? 0 } : {}),
  }))
  return {
    placementId: placed.placementId,
    templateId: placed.templateId,
    name: { en: templateName(placed.templateId, 'en'), es: templateName(placed.templateId, 'es') },
    childsOwnWords,
    sections,
    notShared,
    parentConsent: placed.parentConsent ? toConsent(placed.parentConsent) : null,
    path: placed.path ? toScale(pathRow(placed.path, map, ''), earlier) : null,
    people: placed.people
      ? placed.people.filter((p) => !restricted.has(p.itemId)).map((p) => ({
          itemId: p.itemId,
          name: p.name,
          participantId: p.participantId,
          ring: p.ring,
          ringLabel: sectionLabel(p.ring, placed.templateId, labels),
        }))
      : null,
    ...(placed.wordingAgreed !== undefined
      ? { wordingAgreed: placed.wordingAgreed ? { ...toConsent(placed.wordingAgreed), stillCurrent: placed.wordingAgreed.stillCurrent } : null }
      : {}),
    ...(placed.ties ? { ties: placed.ties.filter(shown) } : {}),
    ...(placed.familyMembers ? { familyMembers: placed.familyMembers.filter((m) => !restricted.has(m.itemId)) } : {}),
    ...(placed.relationships ? { relationships: placed.relationships.filter(shown) } : {}),
  }
}

/** A consent (or agreement) as recorded, with who recorded it as a person. */
const toConsent = (c: ParentConsent): ExportParentConsent => ({ givenBy: c.givenBy, recordedBy: { id: c.recordedById, name: c.recordedByName }, at: c.at })

/**
 * A scaling line as the phone view shows it (map-model `scaleRows`/`pathRow`): while it is
 * private, who has rated it and no numbers at all.
 */
const toScale = (row: ScaleRow, earlier: EarlierNumbers): ExportScale => ({
  scaleId: row.scaleId,
  dangerStatementNumber: row.statement?.number ?? null,
  marks: (row.hidden ? [] : row.marks).map((m) => ({
    participant: { id: m.participantId, name: m.participantName },
    value: m.value,
    whatMakesItThisHigh: m.whatMakesItThisHigh,
    onePointHigher: m.onePointHigher,
    createdAt: m.createdAt === '' ? null : m.createdAt,
    earlier: earlier.get(row.scaleId)?.get(m.participantId) ?? [],
  })),
  ends: row.ends ? { zero: row.ends.zero, ten: row.ends.ten } : null,
  privateRatedBy: row.hidden ? row.hidden.map((r) => ({ id: r.participantId, name: r.participantName })) : null,
})

/** The Safety House paths among the placed templates. */
const paths = (templates: readonly ExportTemplate[]): ExportScale[] => templates.flatMap((t) => (t.path ? [t.path] : []))

/** SHA-256 hex of a string or bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** Builds the export model. Pure: same input, same output. */
export function buildCaseFileExport(input: BuildCaseFileExportInput): CaseFileExport {
  const { meeting, map, restrictedItemIds, labels } = input
  let withheld = input.restrictedHeldElsewhere ?? 0
  const visible = <T extends { id: string }>(cards: readonly T[]): T[] => {
    const kept: T[] = []
    for (const card of cards) {
      if (restrictedItemIds.has(card.id)) withheld++
      else kept.push(card)
    }
    return kept
  }
  const sections: ExportSection[] = SECTION_KEYS.map((key) => {
    const column = columnOf(key)
    return {
      key,
      column,
      columnLabel: column ? columnLabel(column, labels) : null,
      // In the map's own wording, as the board showed it (a wellbeing map's worries are not "danger statements").
      label: sectionLabel(key, map.variant, labels),
      hint: sectionHint(key, map.variant, labels),
      items: visible(map.sections[key]).map(toExportItem),
    }
  })
  const unsorted = visible(map.unsorted).map(toExportItem)
  const earlier = earlierNumbers(input.earlierVersions ?? [])
  const templates = map.templates.map((placed) => toTemplate(placed, visible, restrictedItemIds, input.restrictedPerBox ?? new Map(), map, labels, earlier))
  const statements = visible(map.dangerStatements)
  const goals = visible(map.safetyGoals)
  const statementIds = new Set(statements.map((s) => s.id))
  const dangerStatements = statements.map((s) => toStatement(s, goals))
  const unlinkedSafetyGoals = goals.filter((g) => g.dangerStatementId === null || !statementIds.has(g.dangerStatementId)).map(toGoal)
  const nextSteps = visible(map.nextSteps).map(toNextStep)
  // The lines the phone shows. A withheld statement takes its scale with it; marks themselves are
  // never restricted one by one. A line is recorded once rated, worded or made private.
  const scales = scaleRows(map, '')
    .filter((row) => !(row.statement && restrictedItemIds.has(row.statement.id)))
    .filter((row) => row.marks.length > 0 || row.ends !== null || row.hidden !== null)
    .map((row) => toScale(row, earlier))

  // Everyone who wrote something is a participant of record, even before the roster lists them.
  const participants: ExportParticipant[] = [...input.roster]
  const known = new Set(participants.map((p) => p.id))
  const contributors = [
    ...sections.flatMap((s) => s.items),
    ...unsorted,
    ...templates.flatMap((t) => t.sections.flatMap((s) => s.items)),
    ...dangerStatements,
    ...dangerStatements.flatMap((s) => s.safetyGoals),
    ...unlinkedSafetyGoals,
    ...nextSteps,
    ...[...scales, ...paths(templates)].flatMap((s) => [...s.marks.map((m) => m.participant), ...(s.privateRatedBy ?? [])].map((author) => ({ author }))),
  ]
  for (const item of contributors) {
    const id = item.author.id
    if (known.has(id) || (id === '' && item.author.name === '')) continue
    known.add(id)
    participants.push({
      id,
      name: item.author.name,
      role: 'contributor',
      relationship: null,
      attendance: null,
      confidentialityAgreement: null,
      releaseConsent: null,
      consentVersion: null,
      status: null,
      source: 'item-author',
    })
  }

  const v = input.version
  const version: ExportVersion = {
    number: v.number,
    finalized: v.finalized,
    label: v.finalized ? `v${v.number}` : `v${v.number}-draft-${input.stateSha256.slice(0, 12)}`,
    stateSha256: input.stateSha256,
    finalizedAt: v.finalized ? iso(v.finalizedAt) : null,
    finalizedBy: v.finalized ? v.finalizedBy : null,
  }
  const pictureHash = input.picture.included ? input.picture.sha256 : 'none'
  const journal = (input.journal ?? []).map((e): ExportJournalEntry => ({
    id: e.id,
    author: { kind: e.author.kind, id: e.author.id, name: e.author.name },
    visitDay: e.visitDay,
    writtenAt: new Date(e.writtenAt).toISOString(),
    text: e.text,
    planFollowed: e.planFollowed,
  }))
  // The journal grows after a version is finalized: a record holding more entries is another record. Without entries, the id is as before 1.15.0.
  const journalPart = journal.length === 0 ? '' : `\n${journal.map((e) => e.id).join(',')}`
  const exportId = `exp_${sha256Hex(`${meeting.id}\n${version.label}\n${input.stateSha256}\n${pictureHash}${journalPart}`).slice(0, 32)}`

  return {
    $schema: EXPORT_SCHEMA_ID,
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportId,
    variant: map.variant,
    meeting: {
      id: meeting.id,
      title: meeting.title || map.title,
      locale: meeting.locale,
      status: v.finalized ? 'finalized' : 'live',
      createdAt: new Date(meeting.createdAt).toISOString(),
      agency: meeting.agency ?? null,
      timeZone: meeting.timeZone ?? 'UTC',
      caseReference: meeting.caseReference ?? null,
      children: [...(meeting.children ?? [])],
      meetingType: meeting.meetingType ?? null,
      meetingFormat: meeting.meetingFormat ?? null,
      startedAt: iso(meeting.startedAt),
      endedAt: iso(meeting.endedAt),
      purpose: meeting.purpose ?? null,
      agreements: meeting.agreements ?? null,
      desiredOutcome: meeting.desiredOutcome ?? null,
    },
    version,
    participants,
    sections,
    unsorted,
    dangerStatements,
    unlinkedSafetyGoals,
    nextSteps,
    scales,
    templates,
    withheld: { count: withheld },
    canvasPicture: input.picture,
    journal,
  }
}

/**
 * The date a rendering states as its creation date: when the version was finalized, else the
 * latest thing the map records (an item or card, a disagreement with one, a scaling mark, the
 * meeting's creation). Never the wall clock, so the same map version renders the same file.
 */
export function recordDate(model: CaseFileExport): Date {
  if (model.version.finalizedAt) return new Date(model.version.finalizedAt)
  let latest = Date.parse(model.meeting.createdAt)
  const entries = [
    ...allItems(model),
    ...model.dangerStatements,
    ...model.dangerStatements.flatMap((d) => d.safetyGoals),
    ...model.unlinkedSafetyGoals,
    ...model.nextSteps,
  ]
  const dated = [
    ...entries,
    ...entries.flatMap((entry) => entry.disagreements.map((d) => ({ createdAt: d.at }))),
    ...allItems(model).flatMap((item) => (item.changedBy ? [{ createdAt: item.changedBy.at }] : [])),
    ...[...model.scales, ...paths(model.templates)].flatMap((scale) => scale.marks),
    ...model.journal.map((entry) => ({ createdAt: entry.writtenAt })),
  ]
  for (const item of dated) {
    const at = item.createdAt ? Date.parse(item.createdAt) : Number.NaN
    if (Number.isFinite(at) && at > latest) latest = at
  }
  return new Date(latest)
}

/** True when anyone recorded that they do not agree with a note or card, or a statement names who disagrees. */
export function hasRecordedDisagreement(model: CaseFileExport): boolean {
  const cards = [...allItems(model), ...model.dangerStatements, ...model.dangerStatements.flatMap((d) => d.safetyGoals), ...model.unlinkedSafetyGoals, ...model.nextSteps]
  return cards.some((card) => card.disagreements.length > 0) || model.dangerStatements.some((d) => d.disagreement !== null)
}

/** How many safety-planning cards (statements, goals, next steps, scaling marks) sit in a section. */
export function cardsInSection(model: CaseFileExport, key: SectionKey): number {
  switch (key) {
    case 'danger':
      return model.dangerStatements.length
    case 'goals':
      return model.dangerStatements.reduce((n, s) => n + s.safetyGoals.length, 0) + model.unlinkedSafetyGoals.length
    case 'next-steps':
      return model.nextSteps.length
    case 'scale':
      return model.scales.reduce((n, s) => n + s.marks.length + (s.privateRatedBy?.length ?? 0), 0)
    default:
      return 0
  }
}

/** Every exported item, in document order (sections, unsorted, then placed templates). */
export function allItems(model: CaseFileExport): ExportItem[] {
  return [...model.sections.flatMap((s) => s.items), ...model.unsorted, ...model.templates.flatMap((t) => t.sections.flatMap((s) => s.items))]
}
