/**
 * Hidden-until-reveal scaling in a real Chromium (map-model MM-22 … MM-24): the facilitator makes
 * the overall scale private; a family member in a second browser context, with the Spanish UI,
 * gives a rating through the dialog and a second person rates through the API; every screen and
 * a Node y-websocket peer see only "has rated" and no number; the facilitator shows everyone's
 * ratings and all marks appear at once; before that, "Finish the map?" warns that finishing would
 * leave the two hidden ratings out of the record. Also: the Spanish UI and a Spanish meeting render
 * Spanish headings and labels, and nothing is requested from a third party. A number given in the
 * open before the line went private shows on the board as "has rated" until the reveal, and the
 * facilitator's rating dialog no longer starts from it when she picks that person, while her
 * phone's form does; the number the facilitator then records for that person replaces it.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addDisagreement, addItem, OVERALL_SCALE_ID, readMap, writeScalingMark } from '@safetymap/map-model'
import { api, connectPeer, createMeeting, joinByInvite } from '../helpers/clients.ts'
import { recordingContext, foreignHosts } from '../helpers/browser.ts'
import { openNewMeeting, signInByApi, workerWithPassword } from '../helpers/meetingUi.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { expectLive } from '../helpers/phoneJoin.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'

const live = useServerAndChromium()

const LORNA_REASON = 'Lorna camina con Kai a la escuela q8'
const SAM_REASON = 'Jess llamó al médico w4'

describe('private ratings on the canvas', () => {
  it('shows only "has rated" until the facilitator reveals, then every mark at once', async () => {
    const worker = await workerWithPassword(live.server, 'ana.reveal@example.org', 'Ana Ruiz')
    const meeting = await createMeeting(live.server.url, worker.apiKey, 'Reunión de Kai', 'es')
    const observer = connectPeer({ url: live.server.url, meetingId: meeting.id, token: worker.apiKey })
    const facilitator = await recordingContext(live.browser)
    const family = await recordingContext(live.browser)
    try {
      await observer.synced()
      // The facilitator, signed in, opens the Spanish meeting.
      const page = await facilitator.context.newPage()
      await signInByApi(facilitator.context, live.server.url, 'ana.reveal@example.org')
      await page.goto(`${live.server.url}/m/${meeting.id}`)
      const canvas = page.locator('.tl-canvas')
      await canvas.getByText('¿Qué nos preocupa?', { exact: true }).first().waitFor({ timeout: 30_000 })
      await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('live')

      // Overall becomes private until shown.
      await page.getByRole('button', { name: 'Private ratings' }).click()
      const panel = page.getByRole('region', { name: 'Private ratings' })
      // The panel takes the keyboard, shows where it is (tldraw hides outlines in its container),
      // and Escape gives it back to the button.
      const focused = () => page.evaluate(() => ({ text: document.activeElement?.textContent ?? '', outline: getComputedStyle(document.activeElement!).outlineStyle }))
      await expect.poll(async () => (await focused()).text).toContain('Private until shown')
      await page.keyboard.press('Tab')
      expect((await focused()).outline).not.toBe('none')
      await page.keyboard.press('Escape')
      await expect.poll(() => panel.count()).toBe(0)
      expect((await focused()).text).toBe('Private ratings')
      await page.keyboard.press('Enter')
      const overallRow = panel.locator(`li[data-scale-id="${OVERALL_SCALE_ID}"]`)
      await overallRow.getByLabel('Private until shown').click()
      await waitFor(() => readMap(observer.doc).hiddenScales.length === 1, { timeoutMs: 10_000, what: 'the scale to be private' })
      await expect.poll(() => overallRow.getByRole('status').innerText(), { timeout: 10_000 }).toBe('Nobody has rated yet.')

      // Grandma Lorna, in her own browser with the Spanish UI, gives her rating.
      const lorna = await joinByInvite(live.server.url, worker.apiKey, meeting.id, 'Grandma Lorna')
      await family.context.addCookies([{ name: 'sm_session', value: lorna.session, url: live.server.url }])
      const lornaPage = await family.context.newPage()
      await lornaPage.goto(`${live.server.url}/m/${meeting.id}`)
      await lornaPage.getByRole('button', { name: 'Español, ES' }).first().click()
      const lornaCanvas = lornaPage.locator('.tl-canvas')
      await lornaCanvas.getByText('¿Qué nos preocupa?', { exact: true }).first().waitFor({ timeout: 30_000 })
      await lornaPage.getByRole('button', { name: 'Dar su número' }).click()
      const dialog = lornaPage.getByRole('dialog', { name: 'Su número' })
      await dialog.getByLabel('Su número, de 0 a 10').fill('7')
      await dialog.getByLabel('¿Qué hace que sea así de alto?').fill(LORNA_REASON)
      await dialog.getByRole('button', { name: 'Guardar' }).click()
      await expect.poll(() => lornaPage.getByTestId('toolkit-notice').innerText(), { timeout: 10_000 }).toContain('Su número está guardado')

      // Sam rates through the API (a phone or another client).
      const sam = await joinByInvite(live.server.url, worker.apiKey, meeting.id, 'Sam')
      const samRated = await api(live.server.url, `/api/meetings/${meeting.id}/ratings/${OVERALL_SCALE_ID}`, {
        method: 'PUT',
        token: sam.session,
        body: { value: 4, whatMakesItThisHigh: SAM_REASON, onePointHigher: '' },
      })
      expect(samRated.status).toBe(200)

      // Everyone sees who has rated, and no number.
      await expect.poll(() => overallRow.getByRole('status').innerText(), { timeout: 10_000 }).toBe('Rated: Grandma Lorna, Sam')
      await expect.poll(() => canvas.getByTestId('sm-rated-marker').count(), { timeout: 10_000 }).toBe(2)
      await expect.poll(() => lornaCanvas.getByTestId('sm-rated-marker').count(), { timeout: 10_000 }).toBe(2)
      await expect.poll(() => lornaCanvas.getByTestId('sm-rated-marker').first().textContent()).toContain('ya dio su número')
      expect(await canvas.getByTestId('sm-scaling-mark').count()).toBe(0)
      expect(await lornaCanvas.getByTestId('sm-scaling-mark').count()).toBe(0)
      await waitFor(() => readMap(observer.doc).hiddenScales[0]?.rated.length === 2, { timeoutMs: 10_000, what: 'both markers in the Node peer' })
      const bytes = Buffer.from(Y.encodeStateAsUpdate(observer.doc))
      expect(bytes.includes(Buffer.from(LORNA_REASON))).toBe(false)
      expect(bytes.includes(Buffer.from(SAM_REASON))).toBe(false)
      expect(readMap(observer.doc).scales).toEqual([])

      // Finishing now would leave both ratings out of the record: the question says so and what to do.
      const controls = page.locator('.access-section')
      await controls.getByRole('button', { name: 'Finish the map' }).click()
      const finishQuestion = controls.getByRole('group', { name: /^Finish the map\?/ })
      await expect
        .poll(() => finishQuestion.innerText(), { timeout: 10_000 })
        .toContain('2 people gave a private rating that is not shown yet. Finished, the map keeps them out of the record. Show everyone’s ratings first, or finish anyway.')
      await finishQuestion.getByRole('button', { name: 'Cancel' }).click()
      await controls.getByRole('button', { name: 'Finish the map' }).waitFor({ timeout: 5_000 })
      // Leaving the private-ratings panel closed it: open it again.
      await page.getByRole('button', { name: 'Private ratings' }).click()

      // The reveal: all marks at once, on every screen.
      await overallRow.getByRole('button', { name: 'Show everyone’s ratings' }).click()
      await waitFor(() => readMap(observer.doc).scales[0]?.marks.length === 2, { timeoutMs: 10_000, what: 'the revealed marks' })
      // Lorna's "nobody sees it until…" notice goes once everyone's ratings are shown.
      await expect.poll(() => lornaPage.getByTestId('toolkit-notice').count(), { timeout: 10_000 }).toBe(0)
      expect(readMap(observer.doc).scales[0]!.marks.map((m) => [m.participantName, m.value, m.whatMakesItThisHigh])).toEqual([
        ['Grandma Lorna', 7, LORNA_REASON],
        ['Sam', 4, SAM_REASON],
      ])
      await expect.poll(() => canvas.getByTestId('sm-scaling-mark').count(), { timeout: 10_000 }).toBe(2)
      await expect.poll(() => lornaCanvas.getByTestId('sm-scaling-mark').count(), { timeout: 10_000 }).toBe(2)
      await expect.poll(() => lornaCanvas.getByTestId('sm-rated-marker').count()).toBe(0)
      await expect.poll(() => overallRow.getByLabel('Private until shown').isChecked()).toBe(false)

      // Lorna disagrees with a note without deleting it; everyone sees who disagrees.
      addItem(observer.doc, 'strengths', 'Jess siempre se levanta temprano', { id: 'worker-ana', name: 'Ana Ruiz' })
      await lornaCanvas.getByText('Jess siempre se levanta temprano').first().click()
      await lornaPage.getByRole('button', { name: 'No estoy de acuerdo' }).click()
      await waitFor(() => readMap(observer.doc).sections.strengths[0]?.disagreements?.[0]?.name === 'Grandma Lorna', {
        timeoutMs: 10_000,
        what: 'the disagreement in the doc',
      })
      expect(readMap(observer.doc).sections.strengths[0]?.text).toBe('Jess siempre se levanta temprano')
      await expect.poll(() => page.getByTestId('sm-disagreement').first().innerText(), { timeout: 10_000 }).toContain('Grandma Lorna')
      // Even with the whole map in view, the label leaves the zones' headings and hints readable.
      const coveredHeadings = await page.evaluate(() => {
        const label = document.querySelector('[data-testid="sm-disagreement"]')!.getBoundingClientRect()
        return [...document.querySelectorAll('.tl-canvas .sm-zone__heading, .tl-canvas .sm-zone__hint')]
          .filter((h) => {
            const r = h.getBoundingClientRect()
            return r.width > 0 && Math.min(r.right, label.right) > Math.max(r.left, label.left) && Math.min(r.bottom, label.bottom) > Math.max(r.top, label.top)
          })
          .map((h) => h.textContent)
      })
      expect(coveredHeadings).toEqual([])
      await lornaPage.keyboard.press('Escape')

      // Ana (on the canvas) and Sam (another client) disagree at the same moment: each is their own record, none is lost.
      const noteId = readMap(observer.doc).sections.strengths[0]!.id
      await page.getByRole('button', { name: 'Private ratings' }).click()
      await canvas.getByText('Jess siempre se levanta temprano').first().click()
      addDisagreement(observer.doc, noteId, { id: sam.participantId, name: 'Sam' })
      await page.getByRole('button', { name: 'I disagree' }).click()
      const disagreeing = () => (readMap(observer.doc).sections.strengths[0]?.disagreements ?? []).map((d) => d.name).sort()
      await waitFor(() => disagreeing().length === 3, { timeoutMs: 10_000, what: 'three disagreements' })
      expect(disagreeing()).toEqual(['Ana Ruiz', 'Grandma Lorna', 'Sam'])
      await expect.poll(() => page.getByTestId('sm-disagreement').first().innerText(), { timeout: 10_000 }).toMatch(/Sam/)
      await expect.poll(() => lornaPage.getByTestId('sm-disagreement').first().innerText(), { timeout: 10_000 }).toMatch(/Ana Ruiz/)
      await page.keyboard.press('Escape')

      // Follow-me: Lorna's view follows the facilitator's until she stops following.
      await page.getByRole('button', { name: 'Everyone follows me' }).click()
      const follow = lornaPage.getByTestId('follow-status')
      await expect.poll(() => follow.innerText(), { timeout: 10_000 }).toContain('Usted está siguiendo la vista de Ana Ruiz')
      await follow.getByRole('button', { name: 'Dejar de seguir' }).click()
      await expect.poll(() => follow.count()).toBe(0)
      await lornaPage.getByRole('button', { name: 'Seguir a Ana Ruiz otra vez' }).waitFor({ timeout: 5_000 })

      const host = new URL(live.server.url).host
      expect(foreignHosts(facilitator.requests, host)).toEqual([])
      expect(foreignHosts(family.requests, host)).toEqual([])
    } finally {
      observer.destroy()
      await facilitator.context.close()
      await family.context.close()
    }
  })

  it('draws a number given in the open before the line went private as "has rated" on the board and keeps it out of the facilitator’s rating dialog until the reveal, while her phone form starts from it', async () => {
    const email = 'ana.open@example.org'
    const { apiKey } = await workerWithPassword(live.server, email, 'Ana Ruiz')
    const board = await recordingContext(live.browser)
    const phone = await recordingContext(live.browser, { viewport: { width: 412, height: 915 } })
    try {
      const page = await board.context.newPage()
      const meetingId = await openNewMeeting(page, live.server.url, email, 'Family meeting for Kai')
      const canvas = page.locator('.tl-canvas')
      await canvas.getByText('Strengths', { exact: true }).first().waitFor({ timeout: 30_000 })
      await expectLive(page)
      // Sam gives 6 in the open; the board shows it.
      const sam = await joinByInvite(live.server.url, apiKey, meetingId, 'Sam')
      // Tomás only looks at the map: nobody gives a number for him.
      await joinByInvite(live.server.url, apiKey, meetingId, 'Tomás', 'viewer')
      await live.server.services.relay.applyServerChange(meetingId, (doc) => {
        writeScalingMark(doc, { scaleId: OVERALL_SCALE_ID, participant: { id: sam.participantId, name: 'Sam' }, value: 6, reasons: { whatMakesItThisHigh: SAM_REASON, onePointHigher: '' } })
      })
      await expect.poll(() => canvas.getByTestId('sm-scaling-mark').locator('.sm-mark__value').allTextContents(), { timeout: 10_000 }).toEqual(['6'])
      const ratings = `/api/meetings/${meetingId}/ratings/${OVERALL_SCALE_ID}`

      // On a public line, the facilitator's rating dialog starts from Sam's 6 when she picks Sam; Escape keeps it as a draft.
      const rating = page.getByRole('dialog', { name: 'Your rating' })
      const whose = rating.getByLabel('Whose number is this?')
      const number = rating.getByLabel('Your number, from 0 to 10')
      const reason = rating.getByLabel('What makes it this high?')
      await page.getByRole('button', { name: 'Give your rating' }).click()
      await expect.poll(() => whose.locator('option', { hasText: 'Sam' }).count(), { timeout: 10_000 }).toBe(1)
      expect(await whose.locator('option').allTextContents()).toEqual(['Mine (Ana Ruiz)', 'Sam'])
      await whose.selectOption({ label: 'Sam' })
      expect([await number.inputValue(), await reason.inputValue()]).toEqual(['6', SAM_REASON])
      expect(await rating.getByTestId('builder-notice').innerText()).toBe('')
      await page.keyboard.press('Escape')

      // The line goes private: the board (maybe on a projector) shows that Sam has rated, not her 6 nor her reasons.
      expect((await api(live.server.url, `${ratings}/privacy`, { method: 'PUT', token: apiKey, body: { private: true } })).status).toBe(200)
      await expect.poll(() => canvas.getByTestId('sm-rated-marker').allTextContents(), { timeout: 10_000 }).toEqual([expect.stringContaining('Sam has rated')])
      expect(await canvas.getByTestId('sm-scaling-mark').count()).toBe(0)
      expect(await canvas.locator('.sm-mark__value').allTextContents()).toEqual(['✓'])
      expect(await canvas.locator(`[title*="${SAM_REASON}"]`).count()).toBe(0)

      // Nor does the rating dialog: the kept draft is not shown, and picking Sam starts empty with a plain note.
      await page.getByRole('button', { name: 'Give your rating' }).click()
      expect(await whose.locator('option:checked').innerText()).toBe('Mine (Ana Ruiz)')
      expect([await number.inputValue(), await reason.inputValue()]).toEqual(['', ''])
      await whose.selectOption({ label: 'Sam' })
      expect([await number.inputValue(), await reason.inputValue()]).toEqual(['', ''])
      expect(await rating.getByTestId('builder-notice').innerText()).toBe(
        'Sam has already given a number. It stays hidden until everyone’s ratings are shown. A new number replaces it.',
      )
      await page.keyboard.press('Escape')

      // On her phone, the line says she has rated, and changing her number starts from her 6 and her words.
      await phone.context.addCookies([{ name: 'sm_session', value: sam.session, url: live.server.url }])
      const phonePage = await phone.context.newPage()
      await phonePage.goto(`${live.server.url}/m/${meetingId}/list`)
      await expectLive(phonePage)
      const overall = phonePage.locator(`[data-testid="scale-line"][data-scale-id="${OVERALL_SCALE_ID}"]`)
      await expect.poll(() => overall.getByTestId('rated-marker').allInnerTexts(), { timeout: 10_000 }).toEqual(['You have given your number'])
      await overall.getByRole('button', { name: 'Change your number' }).click()
      await expect.poll(() => overall.getByRole('radio', { name: '6', exact: true }).isChecked(), { timeout: 10_000 }).toBe(true)
      expect(await overall.getByLabel('What makes it this high?').inputValue()).toBe(SAM_REASON)
      await overall.getByRole('button', { name: 'Cancel' }).click()

      // Sam, now beside Ana, says 3: Ana records it for her, and the new number replaces her 6.
      await page.getByRole('button', { name: 'Give your rating' }).click()
      await whose.selectOption({ label: 'Sam' })
      await number.fill('3')
      await rating.getByRole('button', { name: 'Save' }).click()
      await expect.poll(() => page.getByTestId('toolkit-notice').innerText(), { timeout: 10_000 }).toMatch(/^Sam’s number is saved\./)

      // The reveal shows Sam's 3 on the board, under her name, and no number for Ana.
      expect((await api(live.server.url, `${ratings}/reveal`, { method: 'POST', token: apiKey })).status).toBe(200)
      await expect.poll(() => canvas.getByTestId('sm-scaling-mark').locator('.sm-mark__value').allTextContents(), { timeout: 10_000 }).toEqual(['3'])
      const stored = new Y.Doc()
      Y.applyUpdate(stored, (await live.server.services.relay.readDocState(meetingId))!)
      expect(readMap(stored).scales[0]!.marks.map((m) => [m.participantId, m.value])).toEqual([[sam.participantId, 3]])
      expect(await canvas.getByTestId('sm-rated-marker').count()).toBe(0)
    } finally {
      await board.context.close()
      await phone.context.close()
    }
  })
})
