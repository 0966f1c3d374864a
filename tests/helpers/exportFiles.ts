/**
 * Reading the case-file export's files in integration tests: a DOCX's text (unzipped, one line per
 * paragraph), pdftotext's text with ligatures unfolded and white space as single spaces, and a
 * validator of docs/export-schema.json.
 *
 *   const word = normalize(docxText(bytes))
 *   expect(exportSchemaValidator()(JSON.parse(json))).toBe(true)
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { strFromU8, unzipSync } from 'fflate'
import { REPO_ROOT } from './servers.ts'

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void

/** pdftotext gives ligatures as one character (ﬁ): unfolded, so "confidentiality" reads as written; every run of white space as one space. */
export const normalize = (text: string) => text.replace(/[\uFB00-\uFB06]/g, (ligature) => ligature.normalize('NFKC')).replace(/\s+/g, ' ')

/** A validator of docs/export-schema.json. */
export function exportSchemaValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true })
  addFormats(ajv)
  return ajv.compile(JSON.parse(readFileSync(path.join(REPO_ROOT, 'docs/export-schema.json'), 'utf8')))
}

/** The text of a DOCX: paragraphs become lines, run text is concatenated, XML entities decoded. */
export function docxText(bytes: Buffer): string {
  const files = unzipSync(new Uint8Array(bytes))
  const xml = strFromU8(files['word/document.xml']!)
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
}
