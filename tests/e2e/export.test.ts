/**
 * Exporting in a real Chromium: the facilitator writes a note, finishes the map, opens Export,
 * and the case-file PDF downloads with the note in it and the canvas picture made by tldraw in
 * the browser; the audit trail records the export with the checksum the page shows.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { startServer, type TestServer } from '../helpers/servers.ts'
import { foreignHosts, launchChromium, recordingContext } from '../helpers/browser.ts'
import { addNoteUnder, signInAndCreateMeeting, workerWithPassword } from '../helpers/meetingUi.ts'

let server: TestServer
let browser: Browser

beforeAll(async () => {
  server = await startServer()
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('export from the meeting page', () => {
  it('finalize, click Export, the PDF downloads and the audit trail shows it', async () => {
    await workerWithPassword(server, 'jose.export@example.org', 'José Nguyễn')
    const facilitator = await recordingContext(browser)
    const page = await facilitator.context.newPage()
    const meetingId = await signInAndCreateMeeting(page, server.url, 'jose.export@example.org', 'Reunión de la familia Nguyễn')
    await page.locator('.tl-canvas').getByText('Strengths', { exact: true }).first().waitFor({ timeout: 20_000 })
    await addNoteUnder(page, 'Strengths', 'La abuela recoge a Kai cada día')
    await page.locator('.tl-canvas').getByText('La abuela recoge a Kai cada día').first().waitFor({ timeout: 5_000 })

    await page.locator('.access-section').getByRole('button', { name: 'Finish the map' }).click()
    await page.getByRole('button', { name: 'Yes, finish the map' }).click()
    await page.getByTestId('finalized-notice').waitFor({ timeout: 10_000 })

    await page.getByRole('button', { name: 'Export', exact: true }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Export the map' })
    await dialog.getByRole('radio', { name: 'Case-file record (PDF)' }).check()
    const downloading = page.waitForEvent('download', { timeout: 60_000 })
    await dialog.getByRole('button', { name: 'Export', exact: true }).click()
    const download = await downloading
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'safetymap-e2e-export-')), download.suggestedFilename())
    await download.saveAs(file)
    await dialog.getByTestId('export-done').waitFor({ timeout: 10_000 })

    expect(download.suggestedFilename()).toMatch(/-v1-record\.pdf$/)
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    expect(text).toContain('La abuela recoge a Kai cada día')
    expect(text).toContain('José Nguyễn')
    expect(text).not.toContain('Canvas picture: not included')

    const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex')
    expect(await dialog.locator('.export-sha code').innerText()).toBe(sha256)
    const exports = server.services.audit.forMeeting(meetingId).filter((e) => e.action === 'export.created')
    expect(exports).toHaveLength(1)
    expect(exports[0]!.details).toMatchObject({ format: 'pdf', sha256, version: 'v1', picture: true })

    expect(foreignHosts(facilitator.requests, new URL(server.url).host)).toEqual([])
  })
})
