/**
 * Owns the case-file PDF: the formal, archival (PDF/A-2b) record of a meeting's map for the
 * child's case file, in English, with every field the agency files — header, confidentiality
 * notice, participants, every section's items with who contributed them and who does not agree
 * with them, the withheld-items notice, and the canvas picture or a note that it is missing. Text
 * is real text (searchable, copyable); the banner and footer repeat on every page.
 *
 * ```ts
 * const bytes = await renderCaseFilePdf(model, picture)
 * ```
 */
import { zoneLabel } from '@safetymap/map-model'
import type { CaseFileExport, ExportItem } from './CaseFileExport.ts'
import { cardsInSection, recordDate } from './CaseFileExport.ts'
import type { CanvasPicture } from './canvasPicture.ts'
import {
  CONFIDENTIALITY_BANNER,
  CONFIDENTIALITY_NOTICE,
  PICTURE_MISSING,
  orNot,
  recordEmptySection,
  withheldNotice,
  yesNo,
} from './exportWords.ts'
import { recordItemBlocks } from './itemBlocks.ts'
import { contentWidth, createPdf, ensureSpace, finishPdf } from './pdfDocument.ts'
import { recordHeaderFields } from './recordHeader.ts'
import { caseFileTemplateBlocks } from './templateBlocks.ts'
import { caseFileToolkitBlocks, type ToolkitBlock } from './toolkitBlocks.ts'

const shorten = (text: string): string => (text.length > 40 ? `${text.slice(0, 39)}…` : text)

function heading(doc: PDFKit.PDFDocument, text: string, size = 13): void {
  ensureSpace(doc, size * 4)
  doc.moveDown(0.6)
  doc.font('bold').fontSize(size).fillColor('black').text(text, { width: contentWidth(doc) })
  doc.moveDown(0.25)
  doc.font('body').fontSize(10)
}

function field(doc: PDFKit.PDFDocument, name: string, value: string): void {
  doc.font('bold').fontSize(9.5).text(`${name}: `, { continued: true, width: contentWidth(doc) })
  doc.font('body').text(value)
}

const item = (doc: PDFKit.PDFDocument, entry: ExportItem): void => drawBlocks(doc, recordItemBlocks(entry))

/** Draws the toolkit's blocks (shared wording with the DOCX). */
export function drawBlocks(doc: PDFKit.PDFDocument, blocks: readonly ToolkitBlock[], sizes = { h1: 14, h2: 12, text: 10, by: 8.5, muted: 9 }): void {
  const width = contentWidth(doc)
  for (const [i, block] of blocks.entries()) {
    // The space after an entry follows its last line: its by-line, or the asides that belong to it.
    const endsEntry = blocks[i + 1]?.style !== 'aside'
    switch (block.style) {
      case 'h1':
      case 'h2':
        heading(doc, block.text, sizes[block.style])
        break
      case 'text':
        ensureSpace(doc, 36)
        doc.font('body').fontSize(sizes.text).fillColor('black').text(block.text, { width })
        break
      case 'by':
        doc.font('italic').fontSize(sizes.by).fillColor('#444444').text(block.text, { width }).fillColor('black')
        if (endsEntry) doc.moveDown(0.4)
        break
      case 'aside':
        doc.font('body').fontSize(sizes.muted).fillColor('#333333').text(block.text, { width }).fillColor('black')
        if (endsEntry) doc.moveDown(0.4)
        break
      case 'muted':
        doc.font('body').fontSize(sizes.muted).fillColor('#333333').text(block.text, { width }).fillColor('black')
        break
    }
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
    doc.font('body').fontSize(8.5).fillColor('#333333').text(
      `Relationship: ${orNot(p.relationship)}; attended: ${orNot(p.attendance)}; ` +
        `confidentiality agreement: ${yesNo(p.confidentialityAgreement)}; release consent: ${yesNo(p.releaseConsent)}`,
      { width },
    )
    doc.fillColor('black').moveDown(0.2)
  }

  heading(doc, 'Purpose, agreements and desired outcome')
  doc.text(orNot(meeting.purpose), { width })

  let column: string | null = null
  for (const section of model.sections) {
    if (section.column && section.column !== column) {
      column = section.column
      heading(doc, zoneLabel(section.column, 'en'), 14)
    } else if (!section.column) {
      column = null
    }
    heading(doc, `${section.label.en}${meeting.locale === 'es' ? ` (${section.label.es})` : ''}`, 12)
    if (section.items.length === 0) {
      const cards = cardsInSection(model, section.key)
      doc.font('italic').fontSize(9).text(recordEmptySection(cards, model.variant), { width }).font('body')
    }
    for (const entry of section.items) item(doc, entry)
  }
  if (model.unsorted.length > 0) {
    heading(doc, 'Items outside every section', 12)
    for (const entry of model.unsorted) item(doc, entry)
  }

  drawBlocks(doc, caseFileToolkitBlocks(model))
  drawBlocks(doc, caseFileTemplateBlocks(model))

  heading(doc, 'Picture of the canvas')
  if (picture) {
    const maxHeight = doc.page.height - doc.page.margins.top - doc.page.margins.bottom - 40
    ensureSpace(doc, Math.min(maxHeight, (width * picture.height) / picture.width))
    doc.image(picture.png, { fit: [width, maxHeight] })
    doc.moveDown(0.3)
    doc.font('body').fontSize(8).text(`PNG ${picture.width}×${picture.height}, SHA-256 ${picture.sha256}`, { width })
  } else {
    doc.font('body').fontSize(9).text(PICTURE_MISSING, { width })
  }

  return finishPdf(pdf, {
    banner: CONFIDENTIALITY_BANNER,
    footer: (n, of) => `${shorten(meeting.title)} · map version ${version.label} · export ${model.exportId} · page ${n} of ${of}`,
  })
}
