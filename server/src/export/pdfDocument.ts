/**
 * Owns the PDF plumbing both PDF renderings share: a PDF/A-2b pdfkit document whose every glyph
 * comes from embedded DejaVu Sans (it covers Spanish and Vietnamese, e.g. "José Nguyễn"; the
 * standard Helvetica is never loaded, so no font goes unembedded), fixed creation dates and
 * metadata (title, map version, export id in Subject/Keywords and the XMP packet), a banner and a
 * footer drawn on every page after layout, measured paragraphs that keep a heading with its first
 * lines, and collecting the bytes.
 *
 * ```ts
 * const pdf = createPdf({ title, lang: 'en-US', date, exportId, mapVersion, subject })
 * pdf.doc.text('…')
 * const bytes = await finishPdf(pdf, { banner: '…', footer: (n, of) => `Page ${n} of ${of}` })
 * ```
 */
import PDFDocument from 'pdfkit'
import * as fontkit from 'fontkit'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/** The embedded fonts, as file paths inside the `dejavu-fonts-ttf` package (read by fontkit). */
export const PDF_FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  italic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
} as const

type FontName = keyof typeof PDF_FONTS

// Parsed once per process and shared by every document: fontkit parses tables and glyphs lazily
// and caches them on the font, which is most of the cost of a render. pdfkit accepts a fontkit
// font wherever it takes a font source, and keeps each document's subset separately.
let parsedFonts: Record<FontName, fontkit.Font> | null = null
function fonts(): Record<FontName, fontkit.Font> {
  if (!parsedFonts) {
    const open = (file: string) => {
      const font = fontkit.openSync(file)
      if (!('layout' in font)) throw new Error(`${file} is a font collection, not a font`)
      // fontkit caches a glyph with the code points of its first lookup, and pdfkit writes those
      // into the ToUnicode map. A glyph first reached as a component of another (the "e" in
      // "é") is cached with none, and a later document sharing the font would then print an
      // "e" that text extraction cannot read. Looking every mapped character up first pins them.
      for (const codePoint of font.characterSet) font.glyphForCodePoint(codePoint)
      return font
    }
    parsedFonts = { regular: open(PDF_FONTS.regular), bold: open(PDF_FONTS.bold), italic: open(PDF_FONTS.italic) }
  }
  return parsedFonts
}

export const PDF_MARGIN = { top: 80, bottom: 64, left: 60, right: 60 } as const

export interface CreatePdfOptions {
  readonly title: string
  readonly subject: string
  readonly lang: string
  /** Creation and modification date written into the file: from the map, never the clock. */
  readonly date: Date
  readonly exportId: string
  readonly mapVersion: string
}

export interface PdfHandle {
  readonly doc: PDFKit.PDFDocument
  readonly done: Promise<Buffer>
}

/** A new A4-ish (US Letter) PDF/A-2b document with the fonts registered and metadata set. */
export function createPdf(options: CreatePdfOptions): PdfHandle {
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { ...PDF_MARGIN },
    subset: 'PDF/A-2b',
    pdfVersion: '1.7',
    lang: options.lang,
    // No default font: pdfkit would load the standard Helvetica, which is never embedded.
    font: null as unknown as string,
    bufferPages: true,
    displayTitle: true,
    info: {
      Title: options.title,
      Author: 'SafetyMap',
      Subject: options.subject,
      Keywords: `safetymap-export-id:${options.exportId} safetymap-map-version:${options.mapVersion}`,
      Creator: 'SafetyMap export',
      Producer: 'SafetyMap (pdfkit)',
      // No ModDate: pdfkit's XMP packet has no xmp:ModifyDate, and PDF/A requires every Info
      // entry to match its XMP counterpart.
      CreationDate: options.date,
    },
  })
  const parsed = fonts()
  // pdfkit's types only list paths and buffers; at run time it takes any object with `layout`.
  doc.registerFont('body', parsed.regular as unknown as string)
  doc.registerFont('bold', parsed.bold as unknown as string)
  doc.registerFont('italic', parsed.italic as unknown as string)
  doc.font('body')
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  return { doc, done }
}

const FOOTER_SIZE = 8
const FOOTER_MIN_SIZE = 5.5

/** Draws the banner and footer on every page, ends the document and returns its bytes. */
export async function finishPdf(
  pdf: PdfHandle,
  decorate: { banner: string; bannerColor?: string; footer: (page: number, of: number) => string },
): Promise<Buffer> {
  const { doc } = pdf
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    // Pages may differ in width (a wide picture gets a page turned sideways).
    const width = doc.page.width - PDF_MARGIN.left - PDF_MARGIN.right
    // Text in the margins must not trigger pdfkit's automatic page break.
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc.font('bold').fontSize(7.5).fillColor(decorate.bannerColor ?? '#8a1c1c')
    doc.text(decorate.banner, PDF_MARGIN.left, 24, { width, align: 'center', lineBreak: true })
    const footer = decorate.footer(i - range.start + 1, range.count)
    // A long title or version label shrinks the footer rather than wrapping "of 5" onto a line of its own.
    doc.font('body').fontSize(FOOTER_SIZE)
    doc.fontSize(Math.max(FOOTER_MIN_SIZE, Math.min(FOOTER_SIZE, (FOOTER_SIZE * width) / doc.widthOfString(footer))))
    doc.fillColor('#444444').text(footer, PDF_MARGIN.left, doc.page.height - 40, { width, align: 'center', lineBreak: false })
    doc.page.margins.bottom = bottom
  }
  doc.fillColor('black')
  doc.end()
  return pdf.done
}

/** Starts a new page when fewer than `needed` points are left above the bottom margin. */
export function ensureSpace(doc: PDFKit.PDFDocument, needed: number): void {
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage()
}

/**
 * One paragraph as drawn in the text column: its font, size and colour, the space above it in points
 * and its words. Measuring and drawing the same description keeps them in step.
 */
export interface PdfParagraph {
  /** A font as registered in `createPdf`. */
  readonly font: 'body' | 'bold' | 'italic'
  readonly size: number
  readonly text: string
  readonly color?: string
  /** Points of space above it. */
  readonly before?: number
  /** Left unless told (a family copy's "said by" line sits on the right). */
  readonly align?: 'left' | 'right'
}

/** Height of `paragraphs` in the text column, the space before each included. */
export function paragraphsHeight(doc: PDFKit.PDFDocument, paragraphs: readonly PdfParagraph[]): number {
  const width = contentWidth(doc)
  let height = 0
  for (const p of paragraphs) {
    doc.font(p.font).fontSize(p.size)
    height += (p.before ?? 0) + doc.heightOfString(p.text, { width })
  }
  return height
}

/**
 * Keeps a heading with its first lines: starts a new page only when `paragraphs`, plus
 * `thenAtLeast` points for what follows them, do not fit above the bottom margin. Measured, not
 * guessed, so a short section that fits stays on the page and a heading is never left alone at
 * a page's foot.
 */
export function keepTogether(doc: PDFKit.PDFDocument, paragraphs: readonly PdfParagraph[], thenAtLeast = 0): void {
  keepOnPage(doc, paragraphsHeight(doc, paragraphs) + thenAtLeast)
}

/**
 * Starts a new page when `height` points do not fit above the bottom margin, so what they measure
 * is not split across pages; what is taller than a page starts at the top of one and flows on.
 */
export function keepOnPage(doc: PDFKit.PDFDocument, height: number): void {
  ensureSpace(doc, Math.min(height, doc.page.height - doc.page.margins.top - doc.page.margins.bottom))
}

/** Draws `paragraphs` in the text column. */
export function drawParagraphs(doc: PDFKit.PDFDocument, paragraphs: readonly PdfParagraph[]): void {
  const width = contentWidth(doc)
  for (const p of paragraphs) {
    doc.font(p.font).fontSize(p.size).fillColor(p.color ?? 'black')
    doc.y += p.before ?? 0
    doc.text(p.text, { width, align: p.align ?? 'left' })
  }
  doc.fillColor('black')
}

/** Width of the text column. */
export function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right
}

/**
 * A picture of the board on a page of its own, turned sideways when the board is wider than tall
 * so its notes print as large as the page allows; `heading` above it and `caption` (if any) under
 * it stay on that page.
 */
export function drawPicturePage(
  doc: PDFKit.PDFDocument,
  picture: { readonly png: Buffer; readonly width: number; readonly height: number },
  heading: readonly PdfParagraph[],
  caption?: PdfParagraph,
): void {
  doc.addPage({ layout: picture.width > picture.height ? 'landscape' : 'portrait' })
  drawParagraphs(doc, heading)
  doc.y += 6
  const below = caption ? paragraphsHeight(doc, [caption]) + 6 : 0
  doc.image(picture.png, { fit: [contentWidth(doc), doc.page.height - doc.page.margins.bottom - doc.y - below], align: 'center' })
  if (caption) drawParagraphs(doc, [{ ...caption, before: (caption.before ?? 0) + 6 }])
}

