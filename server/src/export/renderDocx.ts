/**
 * Owns the DOCX rendering of the case-file record, for pasting into court reports and case
 * plans: the same content and order as the case-file PDF, as ordinary Word paragraphs and
 * headings (so it edits well), with the confidentiality banner in every page header and the map
 * version and export id in the document properties (core and custom). Reproducible: the same
 * map version gives the same bytes (see `stabilizeDocx.ts`).
 *
 * ```ts
 * const bytes = await renderDocx(model, picture)
 * ```
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type ISectionOptions,
} from 'docx'
import { recordDate, type CaseFileExport } from './CaseFileExport.ts'
import type { CanvasPicture } from './canvasPicture.ts'
import {
  CONFIDENTIALITY_BANNER,
  CONFIDENTIALITY_NOTICE,
  PICTURE_MISSING,
  withheldNotice,
} from './exportWords.ts'
import { recordSectionBlocks } from './itemBlocks.ts'
import { participantDetailsLine, recordHeaderFields, recordPurposeFields } from './recordHeader.ts'
import { stabilizeDocx } from './stabilizeDocx.ts'
import { caseFileTemplateBlocks } from './templateBlocks.ts'
import { caseFileJournalBlocks } from './journalBlocks.ts'
import { caseFileToolkitBlocks, keptTogetherEnd, type ToolkitBlock } from './toolkitBlocks.ts'


const field = (name: string, value: string) =>
  new Paragraph({ children: [new TextRun({ text: `${name}: `, bold: true }), new TextRun(value)] })

/** A heading, kept on the page of what follows it. */
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level, keepNext: true, keepLines: true })

/** The space after an entry follows its last line: its by-line, or the asides that belong to it. */
const entryEnd = (endsEntry: boolean) => (endsEntry ? { spacing: { after: 160 } } : {})

/**
 * A block as a Word paragraph. `keepNext` holds it on the page of the paragraph after it (a
 * heading with its first entry, a note with its by-line), as the PDF does; no paragraph's lines are split.
 */
const blockParagraph = (block: ToolkitBlock, endsEntry: boolean, keepNext: boolean): Paragraph => {
  const keep = { keepNext, keepLines: true }
  switch (block.style) {
    case 'h1':
    case 'h2':
      return heading(block.text, block.style === 'h1' ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2)
    case 'text':
      return new Paragraph({ text: block.text, ...keep })
    case 'by':
      return new Paragraph({ ...entryEnd(endsEntry), ...keep, children: [new TextRun({ text: block.text, italics: true, size: 18, color: '444444' })] })
    case 'aside':
      return new Paragraph({ ...entryEnd(endsEntry), ...keep, children: [new TextRun({ text: block.text, size: 18, color: '333333' })] })
    case 'muted':
      return new Paragraph({ ...keep, children: [new TextRun({ text: block.text, size: 18, color: '333333' })] })
  }
}

/** The blocks as paragraphs, each run that a page break must not split (see `keptTogetherEnd`) kept together. */
function blockParagraphs(blocks: readonly ToolkitBlock[]): Paragraph[] {
  const out: Paragraph[] = []
  for (let start = 0; start < blocks.length; ) {
    const end = keptTogetherEnd(blocks, start)
    for (let i = start; i < end; i++) out.push(blockParagraph(blocks[i]!, blocks[i + 1]?.style !== 'aside', i < end - 1))
    start = end
  }
  return out
}

/** US Letter (8.5 × 11 in) in twips, a twentieth of a point: as the PDF (a California case file); Word's default would be A4. */
const US_LETTER = { width: 12240, height: 15840 } as const
const TWIPS_PER_INCH = 1440

/** Renders the case-file record as a DOCX. */

export async function renderDocx(model: CaseFileExport, picture: CanvasPicture | null): Promise<Buffer> {
  const { meeting, version } = model
  const children: Paragraph[] = [
    new Paragraph({ children: [new TextRun({ text: 'SAFETY MAPPING MEETING RECORD', bold: true, color: '444444' })] }),
    heading(meeting.title, HeadingLevel.TITLE),
    ...recordHeaderFields(model).map(([name, value]) => field(name, value)),
    new Paragraph({ spacing: { before: 200 }, children: [new TextRun({ text: 'Confidentiality. ', bold: true }), new TextRun({ text: CONFIDENTIALITY_NOTICE, size: 18 })] }),
    new Paragraph({ children: [new TextRun({ text: 'Withheld items. ', bold: true }), new TextRun({ text: withheldNotice(model.withheld.count), size: 18 })] }),
    heading('Participants', HeadingLevel.HEADING_1),
  ]
  if (model.participants.length === 0) children.push(new Paragraph('No participants recorded.'))
  for (const p of model.participants) {
    children.push(
      new Paragraph({
        children: [
          new TextRun({ text: p.name || 'name not recorded', bold: true }),
          new TextRun(` — ${p.role}${p.source === 'item-author' ? ' (contributed items; not on the roster)' : ''}`),
        ],
      }),
      new Paragraph({
        spacing: { after: 120 },
        children: [
          new TextRun({
            text: participantDetailsLine(p),
            size: 18,
          }),
        ],
      }),
    )
  }
  children.push(heading('Purpose, agreements and desired outcome', HeadingLevel.HEADING_1), ...recordPurposeFields(model).map(([name, value]) => field(name, value)))

  children.push(...blockParagraphs(recordSectionBlocks(model)))
  children.push(...blockParagraphs(caseFileToolkitBlocks(model)), ...blockParagraphs(caseFileTemplateBlocks(model)), ...blockParagraphs(caseFileJournalBlocks(model)))

  if (!picture) children.push(heading('Picture of the canvas', HeadingLevel.HEADING_1), new Paragraph(PICTURE_MISSING))

  const frame = pageFrame(model)
  const document = new Document({
    creator: 'SafetyMap',
    title: `Safety mapping record — ${meeting.title}`,
    subject: `Map version ${version.label}, export ${model.exportId}`,
    keywords: `safetymap-export-id:${model.exportId} safetymap-map-version:${version.label}`,
    description: 'Safety mapping meeting record exported from SafetyMap.',
    customProperties: [
      { name: 'SafetyMapExportId', value: model.exportId },
      { name: 'SafetyMapMapVersion', value: version.label },
      { name: 'SafetyMapStateSha256', value: version.stateSha256 },
      { name: 'SafetyMapSchemaVersion', value: model.schemaVersion },
    ],
    sections: [
      { ...frame, properties: { page: { size: US_LETTER } }, children },
      ...(picture ? [{ ...frame, ...pictureSection(picture) }] : []),
    ],
  })
  return stabilizeDocx(await Packer.toBuffer(document), recordDate(model))
}

/**
 * The canvas picture in a section of its own, as in the PDF: the page turned sideways for a wide
 * board, the picture as large as the page allows, its heading and checksum with it.
 */
function pictureSection(picture: CanvasPicture): Pick<ISectionOptions, 'properties' | 'children'> {
  const landscape = picture.width > picture.height
  const [across, down] = landscape ? [US_LETTER.height, US_LETTER.width] : [US_LETTER.width, US_LETTER.height]
  // Twips to pixels at 96 per inch, inside 1-inch margins; the heading and checksum keep an inch of the height.
  const px = (twips: number) => (twips - 2 * TWIPS_PER_INCH) / 15
  const scale = Math.min(px(across) / picture.width, (px(down) - 96) / picture.height)
  return {
    properties: { page: { size: { ...US_LETTER, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT } } },
    children: [
      heading('Picture of the canvas', HeadingLevel.HEADING_1),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new ImageRun({
            type: 'png',
            data: picture.png,
            transformation: { width: Math.round(picture.width * scale), height: Math.round(picture.height * scale) },
            altText: { name: 'Canvas', description: 'Picture of the safety map canvas', title: 'Canvas' },
          }),
        ],
      }),
      new Paragraph({ children: [new TextRun({ text: `PNG ${picture.width}×${picture.height}, SHA-256 ${picture.sha256}`, size: 16 })] }),
    ],
  }
}

/** Every page's banner and footer, in each section. */
function pageFrame(model: CaseFileExport): Pick<ISectionOptions, 'headers' | 'footers'> {
  const { version } = model
  return {
    headers: {
      default: new Header({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: CONFIDENTIALITY_BANNER, bold: true, size: 15, color: '8A1C1C' })],
          }),
        ],
      }),
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({ text: `Map version ${version.label} · export ${model.exportId} · page `, size: 16 }),
              new TextRun({ children: [PageNumber.CURRENT], size: 16 }),
            ],
          }),
        ],
      }),
    },
  }
}
