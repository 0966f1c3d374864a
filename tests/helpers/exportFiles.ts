/**
 * Reading the case-file export's files in integration tests: a DOCX's text (unzipped, one line per
 * paragraph), pdftotext's text with ligatures unfolded and white space as single spaces, and a
 * validator of docs/export-schema.json.
 *
 *   const word = normalize(docxText(bytes))
 *   expect(exportSchemaValidator()(JSON.parse(json))).toBe(true)
 *   const record = await exportedText(server.url, meetingId, apiKey, 'pdf') // the record's text, on one line
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { strFromU8, unzipSync } from 'fflate'
import { expect } from 'vitest'
import { oneLine, pdfText } from '../../server/src/export/exportTestKit.ts'
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

/** A meeting's export as text: the JSON as sent, a Word file's or PDF's words on one line. */
export async function exportedText(baseUrl: string, meetingId: string, apiKey: string, format: 'pdf' | 'docx' | 'json' | 'family-pdf'): Promise<string> {
  const res = await fetch(`${baseUrl}/api/meetings/${meetingId}/export?format=${format}`, { headers: { authorization: `Bearer ${apiKey}` } })
  expect(res.status, format).toBe(200)
  const body = Buffer.from(await res.arrayBuffer())
  if (format === 'json') return body.toString('utf8')
  return format === 'docx' ? oneLine(docxText(body)) : normalize(pdfText(body))
}
