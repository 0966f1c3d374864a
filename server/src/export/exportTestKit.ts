/**
 * What the export tests share: the export model of a map still being worked on (version 1, not
 * finished, no picture, nothing restricted unless told), and a rendered PDF's text as pdftotext
 * (Debian's poppler-utils) reads it.
 *
 *   const model = draftExport(doc, { title: 'Kai', locale: 'en', createdAt: T0 })
 *   oneLine(pdfText(await renderCaseFilePdf(model, null)))
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type * as Y from 'yjs'
import { readMap, type Locale } from '@safetymap/map-model'
import { buildCaseFileExport, type CaseFileExport } from './CaseFileExport.ts'

/** The model of `doc` as exported mid-meeting: live, version 1, by nobody yet. */
export function draftExport(
  doc: Y.Doc,
  meeting: { readonly title: string; readonly locale: Locale; readonly createdAt: number },
  restrictedItemIds: ReadonlySet<string> = new Set(),
): CaseFileExport {
  return buildCaseFileExport({
    meeting: { id: 'm1', ...meeting, status: 'live' },
    map: readMap(doc),
    stateSha256: 'ab'.repeat(32),
    roster: [],
    version: { number: 1, finalized: false, finalizedAt: null, finalizedBy: null },
    picture: { included: false },
    restrictedItemIds,
  })
}

let dir: string | null = null
let files = 0

/** The text of the PDF `bytes`, line breaks as pdftotext puts them. */
export function pdfText(bytes: Buffer): string {
  dir ??= mkdtempSync(path.join(tmpdir(), 'safetymap-export-test-'))
  const file = path.join(dir, `${++files}.pdf`)
  writeFileSync(file, bytes)
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
}

/** `text` with every run of white space (line breaks too) as one space. */
export const oneLine = (text: string) => text.replace(/\s+/g, ' ')
