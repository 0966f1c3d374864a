/**
 * Owns the family copy: a plain-language PDF/A-2b of the map in the family's language (English or
 * Spanish; the meeting's unless another is asked for), for the family to keep. Every word of its
 * own — headings, hints, dates, the connecting words of composed statements, goals and next
 * steps, the banner and footer — is in that language; people's own words are printed as written.
 * It carries what people said, who said it and who does not agree with it, under the section
 * headings and their one-line hints, each card (danger statement with its goals, goal, next step,
 * rating) inside its own section and each person on the circles once, and what the meeting was
 * about (the children, how it was held, its purpose, agreements and hoped-for outcome); it leaves out agency-only fields (case reference, ids,
 * checksums, roles, consent records, the legal notice) and restricted items (saying only that some
 * were left out). Its metadata still names the map version and the export id.
 *
 * ```ts
 * const bytes = await renderFamilyPdf(model, { language: 'es', picture })
 * ```
 */
import type { Locale } from '@safetymap/map-model'
import type { CaseFileExport, ExportItem } from './CaseFileExport.ts'
import { hasRecordedDisagreement, recordDate } from './CaseFileExport.ts'
import type { CanvasPicture } from './canvasPicture.ts'
import { familyMapWords, familyWords, formatFamilyDate, formatFamilyTime, listOfNames, meetingFormatLabel, meetingTypeLabel } from './exportWords.ts'
import { familyDisagreementBlocks } from './itemBlocks.ts'
import { contentWidth, createPdf, drawParagraphs, drawPicturePage, finishPdf, keepTogether, paragraphsHeight, type PdfParagraph } from './pdfDocument.ts'
import { drawBlocks, firstRunHeight, shortTitle, type BlockSizes } from './renderCaseFilePdf.ts'
import { familyTemplateBlocks } from './templateBlocks.ts'
import { familyJournalBlocks } from './journalBlocks.ts'
import { familySectionCardBlocks } from './toolkitBlocks.ts'

/** The family copy's card sizes: larger than the record's, for reading on paper at home. */
const CARD_SIZES: BlockSizes = { h1: 13, h2: 12, text: 12, by: 10, muted: 10.5, byAlign: 'right' }

/** Renders the family copy of one export model in `language`. */
export async function renderFamilyPdf(model: CaseFileExport, options: { language: Locale; picture: CanvasPicture | null }): Promise<Buffer> {
  const { language: locale, picture } = options
  const w = familyWords(locale)
  // "Your family’s wellbeing map" for a wellbeing map: the copy is titled in the map's own words.
  const { title } = familyMapWords(locale, model.variant)
  const pdf = createPdf({
    title: `${title} — ${model.meeting.title}`,
    subject: `${title}, ${model.version.label}, ${model.exportId}`,
    lang: locale === 'es' ? 'es-US' : 'en-US',
    date: recordDate(model),
    exportId: model.exportId,
    mapVersion: model.version.label,
  })
  const { doc } = pdf
  const width = contentWidth(doc)

  doc.font('bold').fontSize(20).text(title, { width })
  doc.font('body').fontSize(14).text(model.meeting.title, { width })
  doc.moveDown(0.5)
  const { startedAt, createdAt, timeZone } = model.meeting
  const date = formatFamilyDate(startedAt ?? createdAt, locale, timeZone)
  // When it started, on the agency's clock; the record's creation only dates a meeting not yet started.
  doc.fontSize(11).text(`${w.date}: ${startedAt ? formatFamilyTime(startedAt, locale, timeZone) : date}`, { width })
  const { children, meetingType, meetingFormat, purpose, agreements, desiredOutcome } = model.meeting
  if (children.length > 0) doc.text(`${w.children}: ${listOfNames(children, locale)}`, { width })
  if (meetingType) doc.text(`${w.meetingType}: ${meetingTypeLabel(meetingType, locale)}`, { width })
  if (meetingFormat) doc.text(`${w.meetingFormat}: ${meetingFormatLabel(meetingFormat, locale)}`, { width })
  if (purpose) doc.text(`${w.purpose}: ${purpose}`, { width })
  if (agreements) doc.text(`${w.agreements}: ${agreements}`, { width })
  if (desiredOutcome) doc.text(`${w.desiredOutcome}: ${desiredOutcome}`, { width })
  doc.fontSize(9).fillColor('#555555').text(`${w.version}: ${model.version.number}${model.version.finalized ? '' : ` (${w.draft})`}`, { width }).fillColor('black')
  doc.moveDown(0.5)
  // "What people said", never "what everyone agreed": a recorded disagreement is said up front.
  doc.fontSize(11).text(hasRecordedDisagreement(model) ? `${w.intro} ${w.someDisagree}` : w.intro, { width })
  if (model.withheld.count > 0) {
    doc.moveDown(0.4)
    doc.font('italic').text(w.withheld(model.withheld.count), { width }).font('body')
  }

  doc.moveDown(0.6)
  doc.font('bold').fontSize(14).text(w.whoWasThere, { width })
  doc.font('body').fontSize(11)
  const names = model.participants.map((p) => p.name).filter((n) => n !== '')
  doc.text(names.length > 0 ? names.join(', ') : w.nobodyListed, { width })

  /** A note and who said it (and who does not agree), drawn together: a page break never splits them. */
  const itemParagraphs = (entry: ExportItem): PdfParagraph[] => [
    { font: 'body', size: 12, text: entry.text },
    { font: 'italic', size: 10, color: '#444444', align: 'right', text: w.saidBy(entry.author.name || w.someone) },
    ...familyDisagreementBlocks(entry, locale, w.someone).map((aside): PdfParagraph => ({ font: 'body', size: 10.5, color: '#333333', align: 'right', text: aside.text })),
  ]
  const writeItem = (entry: ExportItem) => {
    const paragraphs = itemParagraphs(entry)
    keepTogether(doc, paragraphs)
    drawParagraphs(doc, paragraphs)
    doc.moveDown(0.5)
  }

  let column: string | null = null
  for (const section of model.sections) {
    const head: PdfParagraph[] = []
    if (section.columnLabel && section.column !== column) {
      column = section.column
      head.push({ font: 'bold', size: 16, color: '#1d3f6e', text: section.columnLabel[locale], before: 9 })
    }
    head.push(
      { font: 'bold', size: 13, text: section.label[locale], before: 6 },
      { font: 'italic', size: 10, color: '#555555', text: section.hint[locale] },
    )
    // The section's cards (danger statements, goals, next steps, ratings) are printed in it, after its notes, and nowhere else.
    const cards = familySectionCardBlocks(model, section.key, locale, w.someone)
    // A rating section nobody rated says so in the family's words, even under notes.
    const note = section.key === 'scale' && cards.length === 0 ? w.noRating : section.items.length === 0 && cards.length === 0 ? w.nothingWritten : null
    if (note) head.push({ font: 'body', size: 10, color: '#555555', text: note, before: 3.5 })
    // The column and section headings stay with the section's first note or card, as measured.
    const first = section.items[0]
    keepTogether(doc, head, first ? paragraphsHeight(doc, itemParagraphs(first)) : firstRunHeight(doc, cards, CARD_SIZES))
    drawParagraphs(doc, head)
    if (!note) doc.y += 3.5
    for (const entry of section.items) writeItem(entry)
    drawBlocks(doc, cards, CARD_SIZES)
  }
  if (model.unsorted.length > 0) {
    const head: PdfParagraph[] = [{ font: 'bold', size: 13, text: w.unsorted, before: 6 }]
    keepTogether(doc, head, paragraphsHeight(doc, itemParagraphs(model.unsorted[0]!)))
    drawParagraphs(doc, head)
    for (const entry of model.unsorted) writeItem(entry)
  }

  const sizes: BlockSizes = { ...CARD_SIZES, h1: 16, h2: 13 }
  drawBlocks(doc, familyTemplateBlocks(model, locale, w.someone), sizes)
  drawBlocks(doc, familyJournalBlocks(model, locale, w.someone), sizes)

  if (picture) drawPicturePage(doc, picture, [{ font: 'bold', size: 16, color: '#1d3f6e', text: w.pictureHeading }])

  // Each page names the meeting and its date, as the record's footer does, so a loose page can be placed.
  return finishPdf(pdf, { banner: w.privacy, bannerColor: '#1d3f6e', footer: (n, of) => `${shortTitle(model.meeting.title)} · ${date} · ${w.page(n, of)}` })
}
