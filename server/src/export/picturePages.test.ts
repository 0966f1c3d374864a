import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { crc32, deflateSync } from 'node:zlib'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { writeSafetyMapTemplate } from '@safetymap/map-model'
import { createSafetyMapSchema } from '@safetymap/map-model/schema'
import { readCanvasPicture } from './canvasPicture.ts'
import { draftExport, pdfText } from './exportTestKit.ts'
import { renderCaseFilePdf } from './renderCaseFilePdf.ts'
import { renderDocx } from './renderDocx.ts'
import { renderFamilyPdf } from './renderFamilyPdf.ts'

const T0 = Date.parse('2026-11-25T10:00:00Z')

/** A grey PNG of `width` × `height` pixels, as wide as a board's picture tends to be. */
function greyPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body), body.length + 4)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 0, 0, 0, 0], 8) // 8-bit greyscale
  const rows = Buffer.alloc((width + 1) * height, 0xc0)
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0 // no filter
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))])
}

/** Each page's size in points, as poppler reads it. */
function pageSizes(bytes: Buffer): string[] {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'safetymap-pages-')), 'record.pdf')
  writeFileSync(file, bytes)
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' })
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/gm)].map((m) => m[1]!)
}

function mapWithPicture() {
  const doc = new Y.Doc()
  writeSafetyMapTemplate(doc, { title: 'Kai', locale: 'en', schema: createSafetyMapSchema().serialize(), now: new Date(T0) })
  const read = readCanvasPicture(greyPng(1400, 490))
  if (!read.ok) throw new Error('test PNG refused')
  return { model: draftExport(doc, { title: 'Kai', locale: 'en', createdAt: T0 }), picture: read.picture }
}

describe('the picture of the canvas in the case file', () => {
  it('has a page of its own, turned sideways for a wide board, with its heading and checksum on it', async () => {
    const { model, picture } = mapWithPicture()
    const bytes = await renderCaseFilePdf(model, picture)
    const pages = pdfText(bytes).split('\f').slice(0, -1)
    const sizes = pageSizes(bytes)
    expect(sizes).toHaveLength(pages.length)
    const last = pages.length - 1
    expect(pages[last]).toContain('Picture of the canvas')
    expect(pages[last]).toContain(`PNG 1400×490, SHA-256 ${picture.sha256}`)
    expect(pages.slice(0, last).join('')).not.toContain('Picture of the canvas')
    expect(sizes[last]).toBe('792 x 612')
    expect(new Set(sizes.slice(0, last))).toEqual(new Set(['612 x 792']))
    // The footer still fits each page's own width.
    expect(pages[last]).toMatch(new RegExp(`page ${pages.length} of ${pages.length}`))
    expect(pages[0]).toMatch(new RegExp(`page 1 of ${pages.length}`))
  })
})

describe('the picture of the board in the family copy', () => {
  for (const [language, heading] of [['en', 'The map as it looked at the meeting'], ['es', 'El mapa como se veía en la reunión']] as const) {
    it(`is on a last page of its own, sideways for a wide board, under a heading that says what it is (${language})`, async () => {
      const { model, picture } = mapWithPicture()
      const bytes = await renderFamilyPdf(model, { language, picture })
      const pages = pdfText(bytes).split('\f').slice(0, -1)
      const sizes = pageSizes(bytes)
      const last = pages.length - 1
      expect(pages[last]).toContain(heading)
      expect(pages.slice(0, last).join('')).not.toContain(heading)
      expect(sizes[last]).toBe('792 x 612')
      expect(new Set(sizes.slice(0, last))).toEqual(new Set(['612 x 792']))
    })
  }
})


describe('the picture of the canvas in the Word record', () => {
  it('has a section of its own turned sideways for a wide board, as large as that page allows, with its checksum', async () => {
    const { model, picture } = mapWithPicture()
    const body = strFromU8(unzipSync(new Uint8Array(await renderDocx(model, picture)))['word/document.xml']!)
    const sections = [...body.matchAll(/<w:sectPr\b.*?<\/w:sectPr>/gs)]
    expect(sections).toHaveLength(2)
    expect(sections[0]![0]).not.toContain('w:orient="landscape"')
    expect(sections[1]![0]).toMatch(/<w:pgSz w:w="15840" w:h="12240" w:orient="landscape"\/>/)
    // The heading, the picture and its checksum come after the first section's end: on the sideways page.
    const picturePart = body.slice(sections[0]!.index!)
    expect(picturePart).toContain('Picture of the canvas')
    expect(picturePart).toContain(`PNG 1400×490, SHA-256 ${picture.sha256}`)
    // 9 inches across (11 less two 1-inch margins), in EMU; it was 600 px (6.25 in) on a portrait page.
    const width = Number(/<wp:extent cx="(\d+)"/.exec(picturePart)![1])
    expect(width).toBe(9 * 914400)
  })
})
