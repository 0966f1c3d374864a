/**
 * Exporting in a real Chromium: the facilitator records the meeting details (children, how it
 * is held, purpose, agreements, desired outcome), ticks in Who's here that a family member signed
 * the release-of-information form, writes a note, finishes the map, opens Export, and the case-file PDF downloads with the details, the note, the
 * child's shared words and the canvas picture made by tldraw in the browser; the audit trail
 * records the export with the checksum the page shows. The family copy of this English meeting,
 * made in Spanish for the family, has Spanish headings and connecting words around people's own
 * words. Pictures of the map (PNG, SVG) download straight from the browser, without the child's
 * unshared words.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { addDangerStatement, addTemplateItem, placeTemplate } from '@safetymap/map-model'
import { foreignHosts, recordingContext } from '../helpers/browser.ts'
import { addNoteUnder, openNewMeeting, workerWithPassword } from '../helpers/meetingUi.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'
import { api } from '../helpers/clients.ts'
import { joinBody } from '../helpers/accessClients.ts'

const live = useServerAndChromium()

const CHILD_AGREED = 'Me gusta jugar con la abuela'
const CHILD_NOT_AGREED = 'Tengo miedo por la noche'

/** Chooses a format (and the family copy's language) in the export dialog, exports, and saves the download; returns its path. */
async function exportAs(page: Page, formatLabel: string, languageLabel?: string): Promise<{ file: string; suggested: string }> {
  const dialog = page.getByRole('dialog', { name: 'Export the map' })
  await dialog.getByRole('radio', { name: formatLabel }).check()
  if (languageLabel) await dialog.getByRole('radio', { name: languageLabel }).check()
  const downloading = page.waitForEvent('download', { timeout: 60_000 })
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const download = await downloading
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'safetymap-e2e-export-')), download.suggestedFilename())
  await download.saveAs(file)
  await dialog.getByTestId('export-done').waitFor({ timeout: 10_000 })
  return { file, suggested: download.suggestedFilename() }
}

describe('export from the meeting page', () => {
  it('finalize, click Export, the PDF downloads and the audit trail shows it', async () => {
    await workerWithPassword(live.server, 'jose.export@example.org', 'José Nguyễn')
    const facilitator = await recordingContext(live.browser)
    const page = await facilitator.context.newPage()
    const meetingId = await openNewMeeting(page, live.server.url, 'jose.export@example.org', 'Reunión de la familia Nguyễn')
    await page.locator('.tl-canvas').getByText('Strengths', { exact: true }).first().waitFor({ timeout: 20_000 })
    await live.server.services.relay.applyServerChange(meetingId, (doc) => {
      const houses = placeTemplate(doc, 'three-houses').placementId
      addTemplateItem(doc, houses, 'house-good-things', CHILD_AGREED, { id: 'p-kai', name: 'Kai' }, { childAgreed: true })
      addTemplateItem(doc, houses, 'house-worries', CHILD_NOT_AGREED, { id: 'p-kai', name: 'Kai' })
      addDangerStatement(doc, { whoIsWorried: 'The school', behaviour: 'Kai arrives hungry', situations: '', impactOnChild: '', whoDisagrees: '' }, { id: 'p-ana', name: 'Ana' })
      // With the Safety House and the circles beside it too, the map is wider than the server's
      // longest picture side (8,192 px): the default export must still come with its picture.
      placeTemplate(doc, 'safety-house')
      placeTemplate(doc, 'circles')
    })

    await page.getByRole('button', { name: 'Meeting details' }).click()
    const details = page.getByRole('dialog', { name: 'Meeting details for the case file' })
    await details.getByLabel('Case reference', { exact: true }).fill('CWS-2026-0042')
    await details.getByLabel('Kind of meeting').selectOption({ label: 'Child and Family Team meeting' })
    await details.getByLabel('Purpose of the meeting').fill('Un plan para las noches de Kai')
    await details.getByLabel('Child or children this meeting is about', { exact: true }).fill('Kai, Lía')
    await details.getByLabel('How the meeting is held').selectOption({ label: 'Some in the room, some by video or phone' })
    await details.getByLabel(/^What the group agreed about how to work together/).fill('Lo que se dice aquí se queda aquí')
    await details.getByLabel('What we hope to get done today').fill('Un calendario para las noches')
    // A start with a date but no time is refused beside the field, with the keyboard on it, and nothing is saved.
    const started = details.getByLabel('Started at')
    await started.focus()
    await page.keyboard.type('01012026') // day and month alike, whatever order the browser's locale shows
    expect(await started.evaluate((input: HTMLInputElement) => input.validity.badInput)).toBe(true)
    await details.getByRole('button', { name: 'Save details' }).click()
    const incomplete = details.getByRole('alert')
    await expect.poll(() => incomplete.innerText(), { timeout: 5_000 }).toBe('This time has a date but no time of day. Add the time too, or clear the date.')
    expect(await started.evaluate((input) => input === document.activeElement && input.getAttribute('aria-invalid'))).toBe('true')
    expect(await started.evaluate((input) => document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent)).toBe(
      'This time has a date but no time of day. Add the time too, or clear the date.',
    )
    expect(await details.getByTestId('meeting-details-saved').count()).toBe(0)
    expect((await live.server.services.meetings.get(meetingId))?.details.caseReference ?? null).toBeNull()
    await started.fill('2026-11-25T17:00')
    await details.getByRole('button', { name: 'Save details' }).click()
    await details.getByTestId('meeting-details-saved').waitFor({ timeout: 10_000 })
    expect(await incomplete.count()).toBe(0)
    expect((await live.server.services.meetings.get(meetingId))?.details.startTime ?? null).not.toBeNull()
    // Escape closes it, and the keyboard is back on the button that opened it.
    await page.keyboard.press('Escape')
    await expect.poll(() => details.count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Meeting details')
    // Open again, then the keyboard moves on to the next button: the panel closes rather than stay open behind.
    await page.keyboard.press('Enter')
    await details.waitFor({ timeout: 5_000 })
    await page.getByRole('button', { name: 'Export', exact: true }).focus()
    await expect.poll(() => details.count()).toBe(0)

    // Mai joins; the facilitator ticks that she signed the release-of-information form.
    const invite = await live.server.services.meetings.createInvite({
      meetingId, role: 'editor', kind: 'personal', label: null, lobby: false, createdBy: 'test', expiresAt: Date.now() + 3_600_000, now: Date.now(),
    })
    expect((await api(live.server.url, '/api/join', { body: await joinBody(live.server.url, invite.token, 'Mai Nguyễn') })).status).toBe(200)
    const signedForm = page.getByRole('checkbox', { name: 'Mai Nguyễn signed the form to share information (for the case file)' })
    if (!(await page.getByTestId('whos-here').isVisible())) await page.getByRole('button', { name: /^Who's here \(/ }).click()
    await signedForm.check({ timeout: 10_000 })
    await expect.poll(async () => (await live.server.services.meetings.listParticipants(meetingId))[0]?.releaseConsentAt ?? null, { timeout: 5_000 }).not.toBeNull()

    await addNoteUnder(page, 'Strengths', 'La abuela recoge a Kai cada día')
    await page.locator('.tl-canvas').getByText('La abuela recoge a Kai cada día').first().waitFor({ timeout: 5_000 })

    await page.locator('.access-section').getByRole('button', { name: 'Finish the map' }).click()
    await page.getByRole('button', { name: 'Yes, finish the map' }).click()
    await page.getByTestId('finalized-notice').waitFor({ timeout: 10_000 })

    await page.getByRole('button', { name: 'Export', exact: true }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Export the map' })
    const { file, suggested } = await exportAs(page, 'Case-file record (PDF)')

    expect(suggested).toMatch(/-v1-record\.pdf$/)
    // Ligatures (ﬁ) unfolded, so "confidentiality" reads as written.
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ').replace(/[\uFB00-\uFB06]/g, (l) => l.normalize('NFKC'))
    expect(text).toContain('La abuela recoge a Kai cada día')
    expect(text).toContain('José Nguyễn')
    expect(text).not.toContain('Canvas picture: not included')
    expect(text).toContain('Case reference: CWS-2026-0042')
    expect(text).toContain('Meeting type: Child and Family Team meeting')
    expect(text).toContain('Un plan para las noches de Kai')
    expect(text).toContain('Child or children: Kai, Lía')
    expect(text).toContain('How the meeting was held: Some people in person, some remote')
    expect(text).toContain('Agreements (confidentiality among them): Lo que se dice aquí se queda aquí')
    expect(text).toContain('Desired outcome of today: Un calendario para las noches')
    expect(text).toMatch(/Mai Nguyễn — editor Relationship: [^;]+; attended: [^;]+; confidentiality agreement: yes; release of information consent: yes/)
    expect(text).toMatch(/José Nguyễn — facilitator Relationship: agency worker; attended: facilitating;/)
    expect(text).toContain(`“${CHILD_AGREED}”`)
    expect(text).not.toContain(CHILD_NOT_AGREED)

    const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex')
    expect(await dialog.locator('.export-sha code').innerText()).toBe(sha256)
    const exports = (await live.server.services.audit.forMeeting(meetingId)).filter((e) => e.action === 'export.created')
    expect(exports).toHaveLength(1)
    expect(exports[0]!.details).toMatchObject({ format: 'pdf', sha256, version: 'v1', picture: true })

    // The same record as data for the case-management system.
    const data = JSON.parse(readFileSync((await exportAs(page, 'Data for the case-management system (JSON)')).file, 'utf8'))
    expect(data.meeting).toMatchObject({
      children: ['Kai', 'Lía'], meetingFormat: 'hybrid', purpose: 'Un plan para las noches de Kai',
      agreements: 'Lo que se dice aquí se queda aquí', desiredOutcome: 'Un calendario para las noches',
    })
    expect(data.participants.find((p: { name: string }) => p.name === 'Mai Nguyễn')).toMatchObject({ confidentialityAgreement: true, releaseConsent: true })


    // The family copy: the meeting's language (English) is chosen until the facilitator picks Español.
    // On a 1366 × 768 laptop the longer dialog stays within the window (it scrolls itself), and each
    // choice's circle sits beside its words.
    await page.setViewportSize({ width: 1366, height: 768 })
    const familyFormat = 'Family copy, in plain words (PDF)'
    await dialog.getByRole('radio', { name: familyFormat }).check()
    await expect.poll(() => dialog.getByRole('radio', { name: 'English' }).isChecked(), { timeout: 10_000 }).toBe(true)
    // Without the picture unless asked: the copy's words are in the family's language, the board's are not.
    expect(await dialog.getByRole('checkbox', { name: 'Include a picture of the canvas' }).isChecked()).toBe(false)
    const panel = await dialog.boundingBox()
    expect(panel!.y + panel!.height).toBeLessThanOrEqual(768)
    expect((await dialog.getByRole('radio', { name: 'Español' }).boundingBox())!.width).toBeLessThan(40)
    const family = await exportAs(page, familyFormat, 'Español')
    expect(family.suggested).toMatch(/-v1-family-es\.pdf$/)
    expect(await dialog.getByTestId('export-done').innerText()).toContain(family.suggested)
    const familyText = execFileSync('pdftotext', ['-enc', 'UTF-8', family.file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    expect(familyText).toContain('El mapa de seguridad de su familia')
    expect(familyText).toContain('¿Qué nos preocupa?')
    expect(familyText).toContain('The school se preocupa porque Kai arrives hungry.')
    expect(familyText).toContain('La abuela recoge a Kai cada día')
    expect(familyText).toContain('Sobre: Kai y Lía')
    expect(familyText).toContain('Cómo nos reunimos: Algunas personas en persona y otras a distancia')
    expect(familyText).toContain('Lo que esperábamos lograr hoy: Un calendario para las noches')
    expect(familyText).not.toContain('Your family’s safety map')
    expect(familyText).not.toContain('is worried that')
    const familyEntry = (await live.server.services.audit.forMeeting(meetingId)).filter((e) => e.action === 'export.created').at(-1)
    expect(familyEntry?.details).toMatchObject({ format: 'family-pdf', language: 'es', version: 'v1', picture: false })

    // Pictures of the map, made by tldraw here and saved directly: the child's unshared words stay out.
    const svg = readFileSync((await exportAs(page, 'Picture of the map (SVG, sharp at any size)')).file, 'utf8')
    expect(svg.startsWith('<svg')).toBe(true)
    expect(svg).toContain(CHILD_AGREED)
    expect(svg).not.toContain(CHILD_NOT_AGREED)
    const png = await exportAs(page, 'Picture of the map (PNG)')
    expect(png.suggested).toBe('safetymap-Reunion-de-la-familia-Nguyen-map.png')
    expect(readFileSync(png.file).subarray(1, 4).toString('latin1')).toBe('PNG')
    // Both pictures are in the audit trail with the checksum of the file that was saved.
    const pictures = (await live.server.services.audit.forMeeting(meetingId)).filter((e) => e.action === 'export.created' && e.details.renderedIn === 'browser')
    expect(pictures.map((e) => [e.details.format, e.details.sha256])).toEqual([
      ['svg', createHash('sha256').update(svg).digest('hex')],
      ['png', createHash('sha256').update(readFileSync(png.file)).digest('hex')],
    ])

    expect(foreignHosts(facilitator.requests, new URL(live.server.url).host)).toEqual([])
  })
})
