/**
 * Owns the case-file PDF: the formal, archival (PDF/A-2b) record of a meeting's map for the
 * child's case file, in English, with every field the agency files — header, confidentiality
 * notice, participants, every section's items with who contributed them and who does not agree
 * with them, the safety journal, the withheld-items notice, and the canvas picture or a note that it is missing. Text
 * is real text (searchable, copyable); the banner and footer repeat on every page.
 *
 * ```ts
 * const bytes = await renderCaseFilePdf(model, picture)
 * ```
 */
import type { CaseFileExport } from './CaseFileExport.ts'
import { recordDate } from './CaseFileExport.ts'
import type { CanvasPicture } from './canvasPicture.ts'
import {
  CONFIDENTIALITY_BANNER,
  CONFIDENTIALITY_NOTICE,
  PICTURE_MISSING,
  withheldNotice,
} from './exportWords.ts'
import { recordSectionBlocks } from './itemBlocks.ts'
import { contentWidth, createPdf, drawPicturePage, ensureSpace, finishPdf, keepOnPage } from './pdfDocument.ts'
import { participantDetailsLine, recordHeaderFields, recordPurposeFields } from './recordHeader.ts'
import { caseFileTemplateBlocks } from './templateBlocks.ts'
import { caseFileJournalBlocks } from './journalBlocks.ts'
import { caseFileToolkitBlocks, keptTogetherEnd, type ToolkitBlock } from './toolkitBlocks.ts'

/** A meeting title cut to fit a footer line beside the rest. */
export const shortTitle = (text: string): string => (text.length > 40 ? `${text.slice(0, 39)}…` : text)

function heading(doc: PDFKit.PDFDocument, text: string, size = 13): void {
  ensureSpace(doc, size * 4)
  // The gap above is in the heading's own size, so measuring it (`blockHeight`) gives what is drawn.
  doc.font('bold').fontSize(size).moveDown(0.6)
  doc.fillColor('black').text(text, { width: contentWidth(doc) })
  doc.moveDown(0.25)
  doc.font('body').fontSize(10)
}

/** A named field, kept on one page: a few lines of agreements split by the banner would read as two. */
function field(doc: PDFKit.PDFDocument, name: string, value: string): void {
  doc.font('body').fontSize(9.5)
  keepOnPage(doc, doc.heightOfString(`${name}: ${value}`, { width: contentWidth(doc) }))
  doc.font('bold').fontSize(9.5).text(`${name}: `, { continued: true, width: contentWidth(doc) })
  doc.font('body').text(value)
}

/** Point sizes of the block styles. */
export interface BlockSizes {
  readonly h1: number
  readonly h2: number
  readonly text: number
  readonly by: number
  readonly muted: number
  /** Where who said it (and who does not agree) stands: the family copy sets it at the right, as under its notes. */
  readonly byAlign?: 'left' | 'right'
}

const RECORD_SIZES: BlockSizes = { h1: 14, h2: 12, text: 10, by: 8.5, muted: 9 }

/** How a block is drawn: font, size, colour, and the space after it in lines (an entry's last line). */
function blockLook(block: ToolkitBlock, sizes: BlockSizes, endsEntry: boolean) {
  const after = endsEntry ? 0.4 : 0
  switch (block.style) {
    case 'h1':
    case 'h2':
      return { font: 'bold', size: sizes[block.style], color: 'black', after: 0 } as const
    case 'text':
      return { font: 'body', size: sizes.text, color: 'black', after: 0 } as const
    case 'by':
      return { font: 'italic', size: sizes.by, color: '#444444', after } as const
    case 'aside':
      return { font: 'body', size: sizes.muted, color: '#333333', after } as const
    case 'muted':
      return { font: 'body', size: sizes.muted, color: '#333333', after: 0 } as const
  }
}

/** Height of a block as `drawBlocks` draws it, the space around it included. */
function blockHeight(doc: PDFKit.PDFDocument, block: ToolkitBlock, sizes: BlockSizes, endsEntry: boolean): number {
  const look = blockLook(block, sizes, endsEntry)
  doc.font(look.font).fontSize(look.size)
  const gaps = block.style === 'h1' || block.style === 'h2' ? 0.6 + 0.25 : look.after
  return doc.heightOfString(block.text, { width: contentWidth(doc) }) + gaps * (doc.currentLineHeight(true) + 1)
}

/** The space after an entry follows its last line: its by-line, or the asides that belong to it. */
const endsEntryAt = (blocks: readonly ToolkitBlock[], i: number) => blocks[i + 1]?.style !== 'aside'

/**
 * Lines of space above a block: an entry whose last lines are notes with no by-line (a person's
 * number and reasons, a step's who and when) is set apart from the next one as a signed one is.
 */
const spaceAbove = (blocks: readonly ToolkitBlock[], i: number) => (blocks[i]!.style === 'text' && blocks[i - 1]?.style === 'muted' ? ENTRY_GAP : 0)
const ENTRY_GAP = 0.4

/** Height of `blocks` from `start` to `end` (exclusive). */
function runHeight(doc: PDFKit.PDFDocument, blocks: readonly ToolkitBlock[], start: number, end: number, sizes: BlockSizes): number {
  let height = 0
  for (let i = start; i < end; i++) {
    height += blockHeight(doc, blocks[i]!, sizes, endsEntryAt(blocks, i))
    height += spaceAbove(blocks, i) * (doc.currentLineHeight(true) + 1)
  }
  return height
}

/** Height of the first run of `blocks` that a page break must not split (see `keptTogetherEnd`); 0 for none. */
export const firstRunHeight = (doc: PDFKit.PDFDocument, blocks: readonly ToolkitBlock[], sizes: BlockSizes): number =>
  blocks.length === 0 ? 0 : runHeight(doc, blocks, 0, keptTogetherEnd(blocks, 0), sizes)

/**
 * Draws the toolkit's blocks (shared wording with the DOCX). An entry and the lines under it,
 * and a heading with the first entry under it, start on a new page rather than be split.
 */
export function drawBlocks(doc: PDFKit.PDFDocument, blocks: readonly ToolkitBlock[], sizes: BlockSizes = RECORD_SIZES): void {
  const width = contentWidth(doc)
  for (let start = 0; start < blocks.length; ) {
    const end = keptTogetherEnd(blocks, start)
    keepOnPage(doc, runHeight(doc, blocks, start, end, sizes))
    for (let i = start; i < end; i++) {
      const block = blocks[i]!
      if (block.style === 'h1' || block.style === 'h2') {
        heading(doc, block.text, sizes[block.style])
        continue
      }
      const look = blockLook(block, sizes, endsEntryAt(blocks, i))
      // Not at the top of a page, where nothing stands above to be set apart from.
      if (spaceAbove(blocks, i) > 0 && doc.y > doc.page.margins.top) doc.font(look.font).fontSize(look.size).moveDown(spaceAbove(blocks, i))
      const align = block.style === 'by' || block.style === 'aside' ? (sizes.byAlign ?? 'left') : 'left'
      doc.font(look.font).fontSize(look.size).fillColor(look.color).text(block.text, { width, align }).fillColor('black')
      if (look.after > 0) doc.moveDown(look.after)
    }
    start = end
  }
}

/** Renders the case-file PDF/A-2b for one export model. */
export async function renderCaseFilePdf(model: CaseFileExport, picture: CanvasPicture | null): Promise<Buffer> {
  const { meeting, version } = model
  const pdf = createPdf({
    title: `Safety mapping record — ${meeting.title}`,
    subject: `Safety mapping meeting record, map version ${version.label}, export ${model.exportId}`,
    lang: 'en-US',
    date: recordDate(model),
    exportId: model.exportId,
    mapVersion: version.label,
  })
  const { doc } = pdf
  const width = contentWidth(doc)

  doc.font('bold').fontSize(10).fillColor('#444444').text('SAFETY MAPPING MEETING RECORD', { width })
  doc.font('bold').fontSize(18).fillColor('black').text(meeting.title, { width })
  doc.moveDown(0.5)
  for (const [name, value] of recordHeaderFields(model)) field(doc, name, value)

  doc.moveDown(0.6)
  doc.font('bold').fontSize(9).fillColor('#8a1c1c').text('Confidentiality', { width })
  doc.font('body').fontSize(8.5).fillColor('black').text(CONFIDENTIALITY_NOTICE, { width })
  doc.moveDown(0.4)
  doc.font('bold').fontSize(9).text('Withheld items', { width })
  doc.font('body').fontSize(8.5).text(withheldNotice(model.withheld.count), { width })

  heading(doc, 'Participants')
  if (model.participants.length === 0) doc.text('No participants recorded.', { width })
  for (const p of model.participants) {
    ensureSpace(doc, 30)
    doc.font('bold').fontSize(10).text(p.name || 'name not recorded', { width, continued: true })
    doc.font('body').text(` — ${p.role}${p.source === 'item-author' ? ' (contributed items; not on the roster)' : ''}`)
    doc.font('body').fontSize(8.5).fillColor('#333333').text(participantDetailsLine(p), { width })
    doc.fillColor('black').moveDown(0.2)
  }

  heading(doc, 'Purpose, agreements and desired outcome')
  for (const [name, value] of recordPurposeFields(model)) field(doc, name, value)

  drawBlocks(doc, recordSectionBlocks(model))
  drawBlocks(doc, caseFileToolkitBlocks(model))
  drawBlocks(doc, caseFileTemplateBlocks(model))
  drawBlocks(doc, caseFileJournalBlocks(model))

  if (picture) {
    const caption = `PNG ${picture.width}×${picture.height}, SHA-256 ${picture.sha256}`
    drawPicturePage(doc, picture, [{ font: 'bold', size: 13, text: 'Picture of the canvas' }], { font: 'body', size: 8, text: caption })
  } else {
    heading(doc, 'Picture of the canvas')
    doc.font('body').fontSize(9).text(PICTURE_MISSING, { width })
  }

  return finishPdf(pdf, {
    banner: CONFIDENTIALITY_BANNER,
    footer: (n, of) => `${shortTitle(meeting.title)} · map version ${version.label} · export ${model.exportId} · page ${n} of ${of}`,
  })
}
