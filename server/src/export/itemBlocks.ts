/**
 * Owns the lines an export prints for one entry of the record: a note's text and who wrote it
 * when (and who else changed its words since, MM-9a), and — under any note or card — who recorded that they do not agree with it (map-model
 * MM-25). The case-file record (PDF, DOCX) gets one line per person with when they recorded it;
 * the family copy one plain sentence in its own language. Disagreements are `aside` blocks,
 * which the renderers keep with the entry above them.
 *
 * ```ts
 * drawBlocks(doc, recordItemBlocks(note))
 * out.push(said(card), ...familyDisagreementBlocks(card, 'es', someone))
 * ```
 */
import type { Locale } from '@safetymap/map-model'
import { cardsInSection, type CaseFileExport, type ExportDisagreement, type ExportItem } from './CaseFileExport.ts'
import { familyWords, formatRecordTime, recordDisagreement, recordEmptySection } from './exportWords.ts'
import type { ToolkitBlock } from './toolkitBlocks.ts'

/** A note or card, as far as its disagreements go. */
interface DisagreedEntry {
  readonly disagreements: readonly ExportDisagreement[]
}

/** The record's lines on who does not agree with an entry: one per person, earliest first. */
export function recordDisagreementBlocks(entry: DisagreedEntry, timeZone: string): ToolkitBlock[] {
  return entry.disagreements.map((d) => ({ style: 'aside', text: recordDisagreement(d, timeZone) }))
}

/** The family copy's sentence on who does not agree with an entry, or nothing when nobody said so. */
export function familyDisagreementBlocks(entry: DisagreedEntry, locale: Locale, someone: string): ToolkitBlock[] {
  if (entry.disagreements.length === 0) return []
  return [{ style: 'aside', text: familyWords(locale).disagree(entry.disagreements.map((d) => d.participant.name || someone)) }]
}

/** A note in the case-file record: its text, who wrote it and when (in `timeZone`), and who does not agree with it. */
export function recordItemBlocks(entry: ExportItem, timeZone: string): ToolkitBlock[] {
  return [
    { style: 'text', text: entry.directQuote ? `“${entry.text}”` : entry.text || '(empty note)' },
    { style: 'by', text: `— ${entry.author.name || 'author not recorded'}${entry.createdAt ? `, ${formatRecordTime(entry.createdAt, timeZone)}` : ''}` },
    // Words someone else rewrote are not the author's alone (map-model MM-9a).
    ...(entry.changedBy ? [{ style: 'aside' as const, text: `Changed by ${entry.changedBy.participant.name || 'name not recorded'}, ${formatRecordTime(entry.changedBy.at, timeZone)}` }] : []),
    ...recordDisagreementBlocks(entry, timeZone),
  ]
}

/**
 * The map's sections in the case-file record, as blocks: each column's heading, each section's
 * heading (with the Spanish one for a Spanish meeting) and its notes, or what it holds instead; then
 * the notes outside every section. As blocks, so a heading is kept with its first note.
 */
export function recordSectionBlocks(model: CaseFileExport): ToolkitBlock[] {
  const out: ToolkitBlock[] = []
  let column: string | null = null
  for (const section of model.sections) {
    if (section.columnLabel && section.column !== column) out.push({ style: 'h1', text: section.columnLabel.en })
    column = section.column
    // A slash, not brackets: some labels end in "(0–10)" themselves.
    out.push({ style: 'h2', text: `${section.label.en}${model.meeting.locale === 'es' ? ` / ${section.label.es}` : ''}` })
    if (section.items.length === 0) out.push({ style: 'muted', text: recordEmptySection(section.key, cardsInSection(model, section.key), model.variant) })
    out.push(...section.items.flatMap((item) => recordItemBlocks(item, model.meeting.timeZone)))
  }
  if (model.unsorted.length > 0) out.push({ style: 'h2', text: 'Items outside every section' }, ...model.unsorted.flatMap((item) => recordItemBlocks(item, model.meeting.timeZone)))
  return out
}
