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
  Paragraph,
  TextRun,
} from 'docx'
import { zoneLabel } from '@safetymap/map-model'
import { cardsInSection, recordDate, type CaseFileExport, type ExportItem } from './CaseFileExport.ts'
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
import { recordHeaderFields } from './recordHeader.ts'
import { stabilizeDocx } from './stabilizeDocx.ts'
import { caseFileTemplateBlocks } from './templateBlocks.ts'
import { caseFileToolkitBlocks, type ToolkitBlock } from './toolkitBlocks.ts'


const field = (name: string, value: string) =>
  new Paragraph({ children: [new TextRun({ text: `${name}: `, bold: true }), new TextRun(value)] })

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level })

/** The space after an entry follows its last line: its by-line, or the asides that belong to it. */
const entryEnd = (endsEntry: boolean) => (endsEntry ? { spacing: { after: 160 } } : {})

const blockParagraph = (block: ToolkitBlock, endsEntry: boolean): Paragraph => {
  switch (block.style) {
    case 'h1':
      return heading(block.text, HeadingLevel.HEADING_1)
    case 'h2':
      return heading(block.text, HeadingLevel.HEADING_2)
    case 'text':
      return new Paragraph(block.text)
    case 'by':
      return new Paragraph({ ...entryEnd(endsEntry), children: [new TextRun({ text: block.text, italics: true, size: 18, color: '444444' })] })
    case 'aside':
      return new Paragraph({ ...entryEnd(endsEntry), children: [new TextRun({ text: block.text, size: 18, color: '333333' })] })
    case 'muted':
      return new Paragraph({ children: [new TextRun({ text: block.text, size: 18, color: '333333' })] })
  }
}

const blockParagraphs = (blocks: readonly ToolkitBlock[]): Paragraph[] =>
  blocks.map((block, i) => blockParagraph(block, blocks[i + 1]?.style !== 'aside'))

const itemParagraphs = (entry: ExportItem): Paragraph[] => blockParagraphs(recordItemBlocks(entry))

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
            text:
              `Relationship: ${orNot(p.relationship)}; attended: ${orNot(p.attendance)}; ` +
              `confidentiality agreement: ${yesNo(p.confidentialityAgreement)}; release consent: ${yesNo(p.releaseConsent)}`,
            size: 18,
          }),
        ],
      }),
    )
  }
  children.push(heading('Purpose, agreements and desired outcome', HeadingLevel.HEADING_1), new Paragraph(orNot(meeting.purpose)))

  let column: string | null = null
  for (const section of model.sections) {
    if (section.column && section.column !== column) {
      column = section.column
      children.push(heading(zoneLabel(section.column, 'en'), HeadingLevel.HEADING_1))
    }
    children.push(heading(`${section.label.en}${meeting.locale === 'es' ? ` (${section.label.es})` : ''}`, HeadingLevel.HEADING_2))
    if (section.items.length === 0) {
      const cards = cardsInSection(model, section.key)
      const text = recordEmptySection(cards, model.variant)
      children.push(new Paragraph({ children: [new TextRun({ text, italics: true })] }))
    }
    for (const entry of section.items) children.push(...itemParagraphs(entry))
  }
  if (model.unsorted.length > 0) {
    children.push(heading('Items outside every section', HeadingLevel.HEADING_2))
    for (const entry of model.unsorted) children.push(...itemParagraphs(entry))
  }

  children.push(...blockParagraphs(caseFileToolkitBlocks(model)), ...blockParagraphs(caseFileTemplateBlocks(model)))

  children.push(heading('Picture of the canvas', HeadingLevel.HEADING_1))
  if (picture) {
    const maxWidth = 600
    const scale = Math.min(1, maxWidth / picture.width)
    children.push(
      new Paragraph({
        children: [
          new ImageRun({
            type: 'png',
            data: picture.png,
            transformation: { width: Math.round(picture.width * scale), height: Math.round(picture.height * scale) },
            altText: { name: 'Canvas', description: 'Picture of the safety map canvas', title: 'Canvas' },
          }),
        ],
      }),
    )
  } else {
    children.push(new Paragraph(PICTURE_MISSING))
  }

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
      {
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
        children,
      },
    ],
  })
  return stabilizeDocx(await Packer.toBuffer(document), recordDate(model))
}
