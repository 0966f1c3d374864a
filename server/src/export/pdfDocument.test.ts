import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createPdf, finishPdf } from './pdfDocument.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'safetymap-pdf-'))
const textOf = (bytes: Buffer, name: string) => {
  const file = path.join(dir, name)
  writeFileSync(file, bytes)
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
}

async function render(lines: string[]): Promise<Buffer> {
  const pdf = createPdf({ title: 't', subject: 's', lang: 'es-US', date: new Date(0), exportId: 'exp_x', mapVersion: 'v1' })
  for (const line of lines) pdf.doc.font('italic').text(line)
  return finishPdf(pdf, { banner: 'banner', footer: (n, of) => `${n}/${of}` })
}

describe('PDFs sharing the parsed fonts', () => {
  it('keep every glyph extractable in later documents, even letters first met inside accented ones', async () => {
    // "é" is a composite of "e" and an accent: the first document reaches "e" only through it.
    expect(textOf(await render(['é']), 'first.pdf')).toContain('é')
    const second = textOf(await render(['le puede explicar', 'José Nguyễn', 'Trần Thị Thu']), 'second.pdf')
    expect(second).toContain('le puede explicar')
    expect(second).toContain('José Nguyễn')
    expect(second).toContain('Trần Thị Thu')
  })

  it('renders the same bytes for the same content (fixed dates, deterministic ids)', async () => {
    const [a, b] = [await render(['Kai está a salvo']), await render(['Kai está a salvo'])]
    expect(a.equals(b)).toBe(true)
  })
})
