/**
 * Owns the safety journal (guide §5) in an export, as the styled blocks every renderer draws:
 * each entry's words, then who wrote it, the visit it is about and when it was written, and the
 * answer to "Was the safety plan followed?" when one was given. The case-file record is in English
 * on the agency's clock (the heading in Spanish too for a Spanish meeting); the family copy in its
 * language, dates in words. Nothing is printed for a journal without entries.
 *
 * ```ts
 * drawBlocks(doc, caseFileJournalBlocks(model))
 * drawBlocks(doc, familyJournalBlocks(model, 'es'))
 * ```
 */
import type { Locale } from '@safetymap/map-model'
import type { CaseFileExport, ExportJournalEntry } from './CaseFileExport.ts'
import { NOT_RECORDED, formatFamilyDueDate, formatFamilyTime, formatRecordTime, journalWords } from './exportWords.ts'
import type { ToolkitBlock } from './toolkitBlocks.ts'

function entryBlocks(entry: ExportJournalEntry, words: ReturnType<typeof journalWords>, by: string): ToolkitBlock[] {
  return [
    { style: 'text', text: entry.text },
    { style: 'by', text: by },
    ...(entry.planFollowed ? [{ style: 'aside' as const, text: words.planFollowed(entry.planFollowed) }] : []),
  ]
}

/** The record's journal: English, times as the agency's clock shows them, who wrote each entry and in what part. */
export function caseFileJournalBlocks(model: CaseFileExport): ToolkitBlock[] {
  if (model.journal.length === 0) return []
  const { locale, timeZone } = model.meeting
  const words = journalWords('en')
  const heading = locale === 'en' ? words.heading : `${words.heading} (${journalWords(locale).heading})`
  return [
    { style: 'h1', text: heading },
    ...model.journal.flatMap((entry) =>
      entryBlocks(entry, words, words.by(`${entry.author.name || NOT_RECORDED} (${entry.author.kind})`, entry.visitDay, formatRecordTime(entry.writtenAt, timeZone))),
    ),
  ]
}

/** The family copy's journal in `locale`, dates in words. */
export function familyJournalBlocks(model: CaseFileExport, locale: Locale, someone: string): ToolkitBlock[] {
  if (model.journal.length === 0) return []
  const words = journalWords(locale)
  return [
    { style: 'h1', text: words.heading },
    { style: 'muted', text: words.intro },
    ...model.journal.flatMap((entry) =>
      entryBlocks(entry, words, words.by(entry.author.name || someone, formatFamilyDueDate(entry.visitDay, locale), formatFamilyTime(entry.writtenAt, locale, model.meeting.timeZone))),
    ),
  ]
}
