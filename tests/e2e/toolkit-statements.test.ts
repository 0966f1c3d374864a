/**
 * The statement builders in a real Chromium: the facilitator builds a danger statement and its
 * safety goal through the guided dialogs (seeing a plain-language prompt on the way), the
 * composed sentence shows on the canvas with the goal's "Goal for worry 1" link, gives a rating,
 * is told to choose a note first when "Direct quote" has nothing to act on, flags a family member's note as a direct quote, sees a plain-language prompt on a note with
 * jargon, drags the rating to another number, hides names for the projector, and a Node
 * y-websocket peer reads the slots, the link, the mark and the flag back through `readMap`. A
 * builder for a new card keeps what was typed when closed, or when the map is finished while it is
 * open, and forgets it once saved. A card saved while the view is elsewhere slides into view at the
 * same zoom. A family member with Spanish in her browser and no mouse writes a plain note with
 * "Escribir una nota", choosing the part of the map by its heading, and it lands there with her name.
 */
import { describe, expect, it } from 'vitest'
import { addItem, addNextStep, OVERALL_SCALE_ID, readMap } from '@safetymap/map-model'
import { api, connectPeer, createMeeting, joinByInvite } from '../helpers/clients.ts'
import { settledBox } from '../helpers/boxes.ts'
import { recordingContext, foreignHosts } from '../helpers/browser.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'
import { openNewMeeting, TEST_PASSWORD, workerWithPassword } from '../helpers/meetingUi.ts'

const live = useServerAndChromium()
const SENTENCE =
  'Grandma Lorna and the school are worried that on days when Jess feels very low, Jess stays in bed until the afternoon. ' +
  'If this continues, Kai could be hurt by traffic. Not everyone agrees: Jess does not think Kai goes out alone.'

describe('statement builders on the canvas', () => {
  it('builds a danger statement and its goal through the dialogs, and readMap returns slots, link and rating', async () => {
    const worker = await workerWithPassword(live.server, 'ana.toolkit@example.org', 'Ana Ruiz')
    const facilitator = await recordingContext(live.browser)
    const page = await facilitator.context.newPage()
    const meetingId = await openNewMeeting(page, live.server.url, 'ana.toolkit@example.org', 'Family meeting for Kai')
    const canvas = page.locator('.tl-canvas')
    await canvas.getByText('What are we worried about?', { exact: true }).first().waitFor({ timeout: 20_000 })
    await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('live')

    // The danger statement builder: one field per slot, a plain-language prompt, a live preview.
    await page.getByRole('button', { name: 'Add a danger statement' }).click()
    const dialog = page.getByRole('dialog', { name: 'Danger statement' })
    await dialog.getByLabel('Who is worried?').fill('Grandma Lorna and the school')
    // Nothing of the page floats over the open dialog.
    const showAsList = page.getByRole('link', { name: 'Show as list' })
    expect(await showAsList.isVisible()).toBe(false)
    const behaviour = dialog.getByLabel('What does the parent or caregiver do (or not do)?')
    await behaviour.fill('Jess is neglectful')
    await expect.poll(() => dialog.getByRole('status').innerText(), { timeout: 5_000 }).toContain(
      'Describe what the person does and how it affects the child',
    )
    await behaviour.fill('Jess stays in bed until the afternoon')
    await expect.poll(() => dialog.getByRole('status').count(), { timeout: 5_000 }).toBe(0)
    // Typed key by key: tldraw's shortcuts (n = note, d = draw …) must not fire while typing.
    await dialog.getByLabel('When does it happen?').pressSequentially('on days when Jess feels very low')
    await dialog.getByLabel('What could happen to the child if nothing changes?').fill('Kai could be hurt by traffic')
    await dialog.getByLabel('Does anyone see it differently?').fill('Jess does not think so')
    await expect.poll(() => dialog.getByTestId('builder-preview').innerText()).toBe(SENTENCE.replace('Kai goes out alone', 'so'))
    // The keyboard stays in the open dialog: Tab past its last control comes round to its first, and back.
    const focusInDialog = () => page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)
    await dialog.getByRole('button', { name: 'Save' }).focus()
    const after = await page.evaluate(() => document.activeElement?.textContent)
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab')
      expect(await focusInDialog()).toBe(true)
    }
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Shift+Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(after)
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => dialog.count()).toBe(0)
    const announced = () => page.evaluate(() => [...document.querySelectorAll('.tl-container [role="status"]')].map((e) => e.textContent).join(' | '))
    await expect.poll(announced).toContain('Saved: Danger statement')
    expect(await showAsList.isVisible()).toBe(true)

    // The sentence shows on the canvas, numbered, with its author.
    const statementCard = canvas.getByTestId('sm-card-danger')
    await statementCard.getByText(SENTENCE.replace('Kai goes out alone', 'so')).waitFor({ timeout: 5_000 })
    await expect.poll(() => statementCard.innerText()).toContain('Worry 1')
    await expect.poll(() => statementCard.innerText()).toContain('Added by Ana Ruiz')
    // Selected, a screen reader hears what it is by name, not tldraw's internal shape type.
    await statementCard.click()
    await expect.poll(announced).toMatch(/Danger statement\. \d+ of \d+/)
    expect(await announced()).not.toContain('tool.')
    // With the card selected, keys pressed on a control above the canvas are that control's:
    // Delete on "Show names" does not delete the card.
    await page.getByLabel('Show names').focus()
    await page.keyboard.press('Delete')
    await page.waitForTimeout(300)
    expect(await statementCard.count()).toBe(1)
    await page.locator('.tl-container').focus()
    await page.keyboard.press('Escape')

    // A double-click on the card opens its builder with the slots, for a change.
    await statementCard.dblclick()
    const editDialog = page.getByRole('dialog', { name: 'Danger statement' })
    await expect.poll(() => editDialog.getByLabel('Who is worried?').inputValue()).toBe('Grandma Lorna and the school')
    // The builder may mount again as the double-click settles the selection; type once it holds.
    const differently = editDialog.getByLabel('Does anyone see it differently?')
    await expect.poll(async () => {
      await differently.fill('Jess does not think Kai goes out alone')
      await page.waitForTimeout(200)
      return differently.inputValue()
    }, { timeout: 10_000 }).toBe('Jess does not think Kai goes out alone')
    await editDialog.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => editDialog.count()).toBe(0)
    await page.keyboard.press('Escape')

    // The goal builder starts linked to the statement.
    await page.getByRole('button', { name: 'Add a safety goal' }).click()
    const goalDialog = page.getByRole('dialog', { name: 'Safety goal' })
    await expect.poll(() => goalDialog.getByLabel('Which worry is this goal for?').locator('option:checked').innerText()).toMatch(/^Worry 1: /)
    await goalDialog.getByLabel('What will the parents or caregivers be doing?').fill('Jess texts Lorna by 7:30 on hard mornings')
    await goalDialog.getByLabel('What will the child’s days be like?').fill('Kai has breakfast and is at school every day')
    await goalDialog.getByLabel('Who else will help, and how?').fill('Lorna and Sam take Kai to school')
    await goalDialog.getByLabel('For how long does this need to keep happening?').fill('four months')
    await goalDialog.getByLabel('How will everyone know it is happening?').fill('the school records agree')
    await goalDialog.getByRole('button', { name: 'Save' }).click()
    const goalCard = canvas.getByTestId('sm-card-goal')
    await goalCard.getByText('Goal for worry 1').waitFor({ timeout: 5_000 })
    await expect.poll(() => goalCard.innerText()).toContain('Jess texts Lorna by 7:30 on hard mornings.')
    await expect.poll(() => statementCard.innerText()).toContain(SENTENCE)

    // A rating on the overall scale.
    await page.getByRole('button', { name: 'Give your rating' }).click()
    const markDialog = page.getByRole('dialog', { name: 'Your rating' })
    const number = markDialog.getByLabel('Your number, from 0 to 10')
    // The dialog words what 10 means as the scale on the map does.
    const tenMeans = 'safe enough to close the case'
    expect(await markDialog.innerText()).toContain(`10 means everyone is sure the child is ${tenMeans}.`)
    expect(await canvas.getByText(new RegExp(tenMeans)).count()).toBeGreaterThan(0)
    // A number off the scale is not quietly changed into another one: the dialog says why it waits.
    await number.fill('11')
    await markDialog.getByLabel('What makes it this high?').fill('Lorna comes every morning')
    await markDialog.getByRole('button', { name: 'Save' }).click()
    await markDialog.getByText('Choose a number from 0 to 10').waitFor({ timeout: 5_000 })
    expect(await number.getAttribute('aria-invalid')).toBe('true')
    await number.fill('6')
    await markDialog.getByRole('button', { name: 'Save' }).click()
    // The rating band is below the fold, where tldraw hides shapes: check what the mark holds.
    await canvas.getByTestId('sm-scaling-mark').getByText('Ana Ruiz').waitFor({ state: 'attached', timeout: 5_000 })

    // Opened again it shows that rating; choosing the worry's scale shows that scale's (none yet),
    // so the overall number and reasons are not carried over to a scale nobody rated.
    await page.getByRole('button', { name: 'Give your rating' }).click()
    expect(await number.inputValue()).toBe('6')
    // Someone using the keyboard sees where they are in the dialog (tldraw hides outlines in its container).
    await number.focus()
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid')
    const scales = markDialog.getByLabel('What are you rating?')
    const otherScale = await scales.locator('option').nth(1).getAttribute('value')
    expect(otherScale).toBeTruthy()
    await scales.selectOption(otherScale!)
    expect(await number.inputValue()).toBe('')
    expect(await markDialog.getByLabel('What makes it this high?').inputValue()).toBe('')
    await markDialog.getByRole('button', { name: 'Cancel' }).click()
    // Closed, the keyboard is back on the button that opened it.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Give your rating')

    // A Node peer writes a note as Grandma Lorna: the canvas shows her name under it, and the
    // facilitator flags it as her own words.
    const observer = connectPeer({ url: live.server.url, meetingId, token: worker.apiKey })
    try {
      await observer.synced()
      await waitFor(() => readMap(observer.doc).scales.length === 1, { timeoutMs: 5_000, what: 'the rating in the doc' })
      addItem(observer.doc, 'strengths', 'I walk Kai to school', { id: 'participant-lorna', name: 'Grandma Lorna' })
      await page.locator('.sm-note-attribution__name', { hasText: 'Grandma Lorna' }).waitFor({ timeout: 5_000 })
      // With nothing selected, "Direct quote" says why it does nothing, without a hover; the line goes once a note is chosen.
      const quote = page.getByRole('button', { name: 'Direct quote' })
      const why = page.getByTestId('toolkit-needs-selection')
      expect(await quote.getAttribute('aria-disabled')).toBe('true')
      // Playwright will not click an aria-disabled button; the keyboard reaches it, as a person's does.
      await quote.focus()
      await page.keyboard.press('Enter')
      expect(await why.innerText()).toBe('Choose a note or statement on the board first.')
      await canvas.getByText('I walk Kai to school').first().click()
      expect(await quote.getAttribute('aria-disabled')).toBe('false')
      expect(await why.isVisible()).toBe(false)
      await quote.click()
      await waitFor(() => readMap(observer.doc).sections.strengths[0]?.quote === true, { timeoutMs: 5_000, what: 'the quote flag in the doc' })
      await expect.poll(() => page.locator('.sm-note-attribution__quote').count()).toBe(2)
      await page.keyboard.press('Escape')

      // A selected note with jargon gets a plain-language prompt; its words stay as written.
      addItem(observer.doc, 'harm', 'Andre was in a DV incident', { id: 'participant-lorna', name: 'Grandma Lorna' })
      await canvas.getByText('Andre was in a DV incident').first().click()
      await expect.poll(() => page.getByTestId('note-plain-language').innerText(), { timeout: 5_000 }).toContain('“DV”: Not everyone knows this short form.')
      await page.keyboard.press('Escape')
      await expect.poll(() => page.getByTestId('note-plain-language').count()).toBe(0)
      expect(readMap(observer.doc).sections.harm.map((i) => i.text)).toEqual(['Andre was in a DV incident'])

      // Dragging the rating along the band changes the number.
      await page.keyboard.press('Shift+1')
      const mark = canvas.getByTestId('sm-scaling-mark')
      const tick9 = canvas.locator('.sm-zone__scale li', { hasText: /^9$/ })
      await mark.waitFor({ timeout: 5_000 })
      // Zoom-to-fit animates the camera: read positions only once the view has settled.
      const from = await settledBox(mark)
      const to = await settledBox(tick9)
      if (!from || !to) throw new Error('the mark or the 9 tick is not on screen')
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
      await page.mouse.down()
      await page.mouse.move(to.x + to.width / 2, from.y + from.height / 2, { steps: 12 })
      await page.mouse.up()
      await waitFor(() => readMap(observer.doc).scales[0]?.marks[0]?.value === 9, { timeoutMs: 5_000, what: 'the dragged rating to read 9' })
      await page.keyboard.press('Escape')

      // Names off for the projector: notes, cards and marks no longer show who added them.
      await page.getByLabel('Show names').uncheck()
      await expect.poll(() => statementCard.innerText()).not.toContain('Ana Ruiz')
      await expect.poll(() => canvas.getByTestId('sm-scaling-mark').textContent()).not.toContain('Ana Ruiz')
      await expect.poll(() => page.locator('.sm-note-attribution__name').count()).toBe(0)

      // map-model reads the same structure.
      const map = readMap(observer.doc)
      expect(map.dangerStatements).toEqual([
        expect.objectContaining({
          number: 1,
          sentence: SENTENCE,
          authorName: 'Ana Ruiz',
          slots: {
            whoIsWorried: 'Grandma Lorna and the school',
            behaviour: 'Jess stays in bed until the afternoon',
            situations: 'on days when Jess feels very low',
            impactOnChild: 'Kai could be hurt by traffic',
            whoDisagrees: 'Jess does not think Kai goes out alone',
          },
        }),
      ])
      expect(map.safetyGoals).toEqual([
        expect.objectContaining({
          dangerStatementId: map.dangerStatements[0]!.id,
          dangerStatementNumber: 1,
          slots: expect.objectContaining({ forHowLong: 'four months' }),
        }),
      ])
      expect(map.scales).toEqual([
        {
          scaleId: OVERALL_SCALE_ID,
          dangerStatementNumber: null,
          marks: [expect.objectContaining({ participantName: 'Ana Ruiz', value: 9, whatMakesItThisHigh: 'Lorna comes every morning' })],
        },
      ])

      // A next step of three lines shows whole on its card: what, who and by when.
      addNextStep(
        observer.doc,
        { action: 'Grandma Lorna takes Kai to school on the mornings when Jess cannot get up, and tells the school office when he will be late', owner: 'Grandma Lorna', dueDate: '2026-12-04', safetyGoalId: '' },
        { id: 'p-ana', name: 'Ana Ruiz' },
      )
      const stepSentence = page.locator('.tl-canvas').getByTestId('sm-card-next-step').locator('.sm-card__sentence')
      await stepSentence.waitFor({ timeout: 10_000 })
      expect(await stepSentence.evaluate((e) => e.scrollHeight - e.clientHeight)).toBeLessThanOrEqual(1)
    } finally {
      observer.destroy()
    }

    expect(foreignHosts(facilitator.requests, new URL(live.server.url).host)).toEqual([])
    await facilitator.context.close()
  })

  it('lets a family member write a plain note into the part of the map she picks, with the keyboard alone, in Spanish', async () => {
    // An aunt joins from her own laptop, Spanish in her browser, and uses no mouse.
    const worker = await live.server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(live.server.url, worker.apiKey, 'Reunión para Kai', 'es')
    const rosa = await joinByInvite(live.server.url, worker.apiKey, meeting.id, 'Tía Rosa')
    const laptop = await live.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'es-ES' })
    const observer = connectPeer({ url: live.server.url, meetingId: meeting.id, token: worker.apiKey })
    try {
      await laptop.addCookies([{ name: 'sm_session', value: rosa.session, url: live.server.url }])
      const page = await laptop.newPage()
      await page.goto(`${live.server.url}/m/${meeting.id}`)
      const canvas = page.locator('.tl-canvas')
      await canvas.getByText('Fortalezas', { exact: true }).first().waitFor({ timeout: 20_000 })
      await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('live')

      // From the top of the page, Tab reaches the bar's first tool, which says plainly what it does.
      const write = page.getByRole('button', { name: 'Escribir una nota' })
      const writeFocused = () => write.evaluate((button) => document.activeElement === button)
      for (let presses = 0; presses < 15 && !(await writeFocused()); presses += 1) await page.keyboard.press('Tab')
      expect(await writeFocused()).toBe(true)
      await page.keyboard.press('Enter')
      const dialog = page.getByRole('dialog', { name: 'Su nota' })
      const where = dialog.getByLabel('¿En qué parte del mapa va?')
      await expect.poll(() => where.evaluate((select) => document.activeElement === select)).toBe(true)
      // Each part is named by its column and section, as the board heads them; the rating band is not offered.
      const options = await where.locator('option').allInnerTexts()
      expect(options).toContain('¿Qué está funcionando bien?: Fortalezas')
      expect(options).toContain('¿Qué nos preocupa?: Daño')
      expect(options.some((o) => o.includes('0–10'))).toBe(false)

      // Saving without a part of the map is refused, and the keyboard stays on the choice.
      await dialog.getByLabel('¿Qué quiere decir?').fill('Rosa lleva a Kai al colegio los martes')
      await dialog.getByRole('button', { name: 'Guardar' }).press('Enter')
      await expect.poll(() => where.evaluate((select) => document.activeElement === select)).toBe(true)
      expect(await where.getAttribute('aria-invalid')).toBe('true')
      // Down the list to "Strengths", as a keyboard chooses in a closed list.
      for (let step = 0; step < options.indexOf('¿Qué está funcionando bien?: Fortalezas'); step += 1) await page.keyboard.press('ArrowDown')
      expect(await where.inputValue()).toBe('strengths')
      await dialog.getByRole('button', { name: 'Guardar' }).press('Enter')
      await expect.poll(() => dialog.count()).toBe(0)

      // It is on her board and in the shared map, in "Strengths", under her name.
      await canvas.getByText('Rosa lleva a Kai al colegio los martes', { exact: true }).waitFor({ timeout: 10_000 })
      await observer.synced()
      await waitFor(() => readMap(observer.doc).sections.strengths.length === 1, { timeoutMs: 10_000, what: 'the note to reach the map' })
      expect(readMap(observer.doc).sections.strengths[0]).toMatchObject({ text: 'Rosa lleva a Kai al colegio los martes', authorName: 'Tía Rosa' })
    } finally {
      observer.destroy()
      await laptop.close()
    }
  })

  it('slides the view to a new card saved off screen, at the same zoom', async () => {
    await workerWithPassword(live.server, 'ana.offscreen@example.org', 'Ana Ruiz')
    const facilitator = await recordingContext(live.browser, { viewport: { width: 1366, height: 850 } })
    const page = await facilitator.context.newPage()
    await openNewMeeting(page, live.server.url, 'ana.offscreen@example.org', 'Family meeting for Rio')
    const canvas = page.locator('.tl-canvas')
    await canvas.getByText('What are we worried about?', { exact: true }).first().waitFor({ timeout: 20_000 })
    await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('live')
    // How large the map is drawn: a column heading's width on screen for its width on the map.
    const zoom = (selector: string) =>
      canvas.locator(selector).first().evaluate((element: HTMLElement) => element.getBoundingClientRect().width / element.offsetWidth)
    const before = await zoom('.sm-zone--column')

    // She has moved the view away from the map.
    const box = await page.locator('.tl-container').boundingBox()
    if (!box) throw new Error('no canvas')
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.wheel(3000, 2000)
    await expect.poll(() => canvas.getByText('What are we worried about?', { exact: true }).first().isVisible()).toBe(false)

    await page.getByRole('button', { name: 'Add a danger statement' }).click()
    const dialog = page.getByRole('dialog', { name: 'Danger statement' })
    await dialog.getByLabel('Who is worried?').fill('The school')
    await dialog.getByLabel('What does the parent or caregiver do (or not do)?').fill('Jess stays in bed until the afternoon')
    await dialog.getByLabel('What could happen to the child if nothing changes?').fill('Kai could be hurt by traffic')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => dialog.count()).toBe(0)

    // The new card comes into the middle of the view, drawn as large as the map was.
    const card = canvas.getByTestId('sm-card-danger')
    const shown = await settledBox(card)
    expect(shown).not.toBeNull()
    if (!shown) return
    expect(shown.x).toBeGreaterThanOrEqual(box.x)
    expect(shown.y).toBeGreaterThanOrEqual(box.y)
    expect(shown.x + shown.width).toBeLessThanOrEqual(box.x + box.width)
    expect(shown.y + shown.height).toBeLessThanOrEqual(box.y + box.height)
    expect(await zoom('[data-testid="sm-card-danger"]')).toBeCloseTo(before, 3)
    await facilitator.context.close()
  })

  it('keeps what was typed into a builder after Escape, Cancel and the map being finished, until it is saved; says when a next step’s day has passed', async () => {
    const worker = await workerWithPassword(live.server, 'bo.drafts@example.org', 'Bo Lind')
    const facilitator = await recordingContext(live.browser)
    const page = await facilitator.context.newPage()
    const meetingId = await openNewMeeting(page, live.server.url, 'bo.drafts@example.org', 'Family meeting for Mia')
    await page.locator('.tl-canvas').getByText('What are we worried about?', { exact: true }).first().waitFor({ timeout: 20_000 })
    await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('live')

    const addStatement = page.getByRole('button', { name: 'Add a danger statement' })
    const dialog = page.getByRole('dialog', { name: 'Danger statement' })
    const who = dialog.getByLabel('Who is worried?')
    const behaviour = dialog.getByLabel('What does the parent or caregiver do (or not do)?')
    const impact = dialog.getByLabel('What could happen to the child if nothing changes?')

    // Escape closes the builder; opened again, the words are back.
    await addStatement.click()
    await who.fill('The school')
    await behaviour.fill('Sam shouts at Mia')
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
    await addStatement.click()
    expect(await who.inputValue()).toBe('The school')
    expect(await behaviour.inputValue()).toBe('Sam shouts at Mia')

    // Cancel keeps them too; Save forgets them.
    await impact.fill('Mia could be frightened to go home')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await addStatement.click()
    expect(await impact.inputValue()).toBe('Mia could be frightened to go home')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => dialog.count()).toBe(0)
    await page.locator('.tl-canvas').getByTestId('sm-card-danger').waitFor({ timeout: 5_000 })
    await addStatement.click()
    expect(await who.inputValue()).toBe('')
    expect(await behaviour.inputValue()).toBe('')
    expect(await page.evaluate(() => sessionStorage.getItem(`safetymap.drafts.${location.pathname.split('/').pop()}`))).toBeNull()

    // A next step's day already gone is allowed (it may be written down after it was done), but said, in case it is a slip.
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Add a next step' }).click()
    const step = page.getByRole('dialog', { name: 'Next step' })
    const byWhen = step.getByLabel('By when?')
    await byWhen.fill('2020-06-15')
    await step.getByText('This day has already passed. Check that it is the day you mean.').waitFor({ timeout: 5_000 })
    await byWhen.fill('2099-06-15')
    expect(await step.getByText('This day has already passed.', { exact: false }).count()).toBe(0)
    await page.keyboard.press('Escape')
    await addStatement.click()

    // The map is finished while a statement is half written: the builder closes, the notice says
    // the words are kept, and once the map is reopened the builder has them again.
    await who.fill('Grandma Lorna')
    await behaviour.pressSequentially('Sam leaves Mia alone at night')
    expect((await api(live.server.url, `/api/meetings/${meetingId}/finalize`, { method: 'POST', token: worker.apiKey })).status).toBe(200)
    await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0)
    await expect.poll(() => page.getByTestId('toolkit-notice').innerText(), { timeout: 5_000 }).toContain('What you typed is kept')
    expect(await addStatement.count()).toBe(0)
    expect((await api(live.server.url, `/api/meetings/${meetingId}/reopen`, { method: 'POST', token: worker.apiKey })).status).toBe(200)
    await addStatement.click({ timeout: 10_000 })
    expect(await who.inputValue()).toBe('Grandma Lorna')
    expect(await behaviour.inputValue()).toBe('Sam leaves Mia alone at night')

    await facilitator.context.close()
  })

  it('names the statements and goals in a wellbeing map’s own words, on the bar and in the builders', async () => {
    await workerWithPassword(live.server, 'cy.wellbeing@example.org', 'Cy Okafor')
    const facilitator = await recordingContext(live.browser)
    const page = await facilitator.context.newPage()
    await page.goto(live.server.url)
    await page.getByLabel('Email').fill('cy.wellbeing@example.org')
    await page.getByLabel('Password').fill(TEST_PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByLabel('Meeting name').fill('Family meeting for Noa')
    await page.getByLabel('What to start with').selectOption('wellbeing')
    await page.getByRole('button', { name: 'Create meeting' }).click()
    await page.waitForURL(/\/m\/[\w-]+$/)
    const canvas = page.locator('.tl-canvas')
    await canvas.getByText('Worry statements', { exact: true }).first().waitFor({ timeout: 20_000 })
    await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('live')

    // The bar asks for worry statements and wellbeing goals, as the map's sections are headed.
    const bar = page.getByRole('toolbar')
    await bar.getByRole('button', { name: 'Add a worry statement' }).click()
    expect(await bar.getByRole('button', { name: /danger statement|safety goal/ }).count()).toBe(0)
    const dialog = page.getByRole('dialog', { name: 'Worry statement' })
    await dialog.getByLabel('Who is worried?').fill('The school')
    await dialog.getByLabel('What does the parent or caregiver do (or not do)?').fill('Noa is often alone after school')
    await dialog.getByLabel('What could happen to the child if nothing changes?').fill('Noa could feel lonely')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => dialog.count()).toBe(0)
    const announced = () => page.evaluate(() => [...document.querySelectorAll('.tl-container [role="status"]')].map((e) => e.textContent).join(' | '))
    await expect.poll(announced).toContain('Saved: Worry statement')
    // Selected, a screen reader hears the card named in the map's words too.
    await canvas.getByTestId('sm-card-danger').click({ timeout: 5_000 })
    await expect.poll(announced).toMatch(/Worry statement\. \d+ of \d+/)

    await bar.getByRole('button', { name: 'Add a wellbeing goal' }).click()
    const goalDialog = page.getByRole('dialog', { name: 'Wellbeing goal' })
    expect(await goalDialog.innerText()).toContain('What will life look like when the child is doing well?')
    expect(await goalDialog.innerText()).not.toMatch(/safe/i)
    await goalDialog.getByRole('button', { name: 'Cancel' }).click()

    // The rating's ends are explained as wellbeing, not as the agency stepping back.
    await bar.getByRole('button', { name: 'Give your rating' }).click()
    const markDialog = page.getByRole('dialog', { name: 'Your rating' })
    expect(await markDialog.innerText()).toContain('10 means everyone is confident the child is doing well.')
    expect(await markDialog.innerText()).not.toMatch(/agency|safe/i)
    await markDialog.getByRole('button', { name: 'Cancel' }).click()
    await bar.getByRole('button', { name: 'What 0 and 10 mean' }).click()
    const endsDialog = page.getByRole('dialog', { name: 'What 0 and 10 mean' })
    expect(await endsDialog.innerText()).toContain('everyone is sure Kai is happy and doing well')
    expect(await endsDialog.innerText()).not.toMatch(/agency|safe/i)

    await facilitator.context.close()
  })
})
