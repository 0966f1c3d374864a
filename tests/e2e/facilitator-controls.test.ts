/**
 * Facilitator controls in a real Chromium: two facilitators and "Everyone follows me" (one lead at
 * a time, the one who lost it is told who took over, presses that cross settle on one); adding a
 * co-facilitator by email from "Who's here" (they then find and run the meeting); buttons
 * that keep the keyboard while the server works ("Save details", Export, the private-ratings
 * controls); and "New meeting" refusing a start with a date but no time of day.
 */
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { OVERALL_SCALE_ID } from '@safetymap/map-model'
import { connectPeer, createMeeting } from '../helpers/clients.ts'
import { recordingContext } from '../helpers/browser.ts'
import { signInByApi, workerWithPassword } from '../helpers/meetingUi.ts'
import { holdRequests } from '../helpers/holdRequests.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'

const live = useServerAndChromium()

/** A fresh browser profile signed in as the worker. */
async function signedIn(email: string) {
  const { context } = await recordingContext(live.browser)
  await signInByApi(context, live.server.url, email)
  return context
}

/** A page signed in as the worker, on the meeting's canvas once it is live. */
async function openMeeting(email: string, meetingId: string): Promise<Page> {
  const page = await (await signedIn(email)).newPage()
  await page.goto(`${live.server.url}/m/${meetingId}`)
  await page.locator('.tl-canvas').getByText('Strengths', { exact: true }).first().waitFor({ timeout: 30_000 })
  await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('live')
  return page
}

/** A new worker's page on a new meeting's canvas. */
async function facilitatorOnNewMeeting(email: string): Promise<Page> {
  const worker = await workerWithPassword(live.server, email, 'Ana Ruiz')
  const meeting = await createMeeting(live.server.url, worker.apiKey, 'Family meeting for Kai')
  return openMeeting(email, meeting.id)
}

/** Whether the control says it is busy and still has the keyboard. */
const busyWithFocus = (control: Locator) =>
  control.evaluate((el) => ({ ariaDisabled: el.getAttribute('aria-disabled'), disabled: (el as HTMLButtonElement).disabled, focused: el === document.activeElement }))

describe('facilitator controls', () => {
  it('lets one facilitator lead follow-me at a time and tells the other who took over', async () => {
    const ana = await workerWithPassword(live.server, 'ana.follow@example.org', 'Ana Ruiz')
    const bea = await workerWithPassword(live.server, 'bea.follow@example.org', 'Bea Soto')
    const meeting = await createMeeting(live.server.url, ana.apiKey, 'Family meeting for Kai')
    await live.server.services.meetings.addFacilitator({ meetingId: meeting.id, workerId: bea.worker.id, addedBy: ana.worker.id, now: Date.now() })
    // A phone's view of who leads: the awareness states that carry a lead.
    const phone = connectPeer({ url: live.server.url, meetingId: meeting.id, token: ana.apiKey })
    const leadsSeen = () =>
      [...phone.provider.awareness.getStates().values()].filter((s) => (s as { smFollow?: unknown }).smFollow).map((s) => (s as { user: { name: string } }).user.name)
    const anaPage = await openMeeting('ana.follow@example.org', meeting.id)
    const beaPage = await openMeeting('bea.follow@example.org', meeting.id)
    try {
      await phone.synced()
      const anaLead = anaPage.getByRole('button', { name: 'Everyone follows me' })
      const beaLead = beaPage.getByRole('button', { name: 'Everyone follows me' })

      // Ana leads; then Bea takes over: Ana's lead ends and she is told who has it now.
      await anaLead.click()
      await expect.poll(() => beaPage.getByTestId('follow-status').innerText(), { timeout: 10_000 }).toContain('You are following Ana Ruiz’s view.')
      await beaLead.click()
      await expect.poll(() => anaLead.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('false')
      expect(await anaPage.getByTestId('follow-taken-over').innerText()).toBe(
        'Bea Soto took over. Everyone now follows Bea Soto’s view, not yours. To lead again, press “Everyone follows me”.',
      )
      await expect.poll(() => anaPage.getByTestId('follow-status').innerText(), { timeout: 10_000 }).toContain('You are following Bea Soto’s view.')
      await expect.poll(leadsSeen, { timeout: 10_000 }).toEqual(['Bea Soto'])

      // Bea stops; then both press at the same moment, before either hears of the other: one leads.
      await beaLead.click()
      await expect.poll(leadsSeen, { timeout: 10_000 }).toEqual([])
      await Promise.all([anaLead.click(), beaLead.click()])
      const pressed = async () => [await anaLead.getAttribute('aria-pressed'), await beaLead.getAttribute('aria-pressed')].filter((p) => p === 'true').length
      await expect.poll(pressed, { timeout: 10_000 }).toBe(1)
      await expect.poll(() => leadsSeen().length, { timeout: 10_000 }).toBe(1)
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      expect(await pressed()).toBe(1)
      const loser = (await anaLead.getAttribute('aria-pressed')) === 'true' ? beaPage : anaPage
      await loser.getByTestId('follow-taken-over').waitFor({ timeout: 5_000 })
    } finally {
      phone.destroy()
      await anaPage.context().close()
      await beaPage.context().close()
    }
  })

  it('adds a co-facilitator by work email from Who’s here, who then finds and runs the meeting; an unknown email says what to do', async () => {
    await workerWithPassword(live.server, 'bea.cofac@example.org', 'Bea Soto')
    const anaPage = await facilitatorOnNewMeeting('ana.cofac@example.org')
    const meetingId = new URL(anaPage.url()).pathname.split('/').pop()!
    const beaContext = await signedIn('bea.cofac@example.org')
    try {
      const form = anaPage.getByRole('form', { name: 'Add a co-facilitator' })
      const email = form.getByLabel('Their work email')
      const roster = anaPage.getByTestId('whos-here')

      // Not an email yet: said beside the field, before asking the server.
      await email.fill('bea.cofac')
      await form.getByRole('button', { name: 'Add co-facilitator' }).click()
      await expect.poll(() => form.getByRole('alert').innerText(), { timeout: 5_000 }).toBe('Write their whole work email, for example name@agency.org.')

      // Nobody has that email: the message says what to do, the field says it is wrong and has the keyboard.
      await email.fill('nobody.here@example.org')
      await form.getByRole('button', { name: 'Add co-facilitator' }).click()
      const message =
        'No one has a SafetyMap staff account with this email. Check the spelling. If it is right, ask your administrator to make them an account, then try again.'
      await expect.poll(() => form.getByRole('alert').innerText(), { timeout: 5_000 }).toBe(message)
      expect(await email.evaluate((input) => [input === document.activeElement, input.getAttribute('aria-invalid')])).toEqual([true, 'true'])
      expect(await email.evaluate((input) => document.getElementById(input.getAttribute('aria-describedby')?.split(' ').at(-1) ?? '')?.textContent)).toBe(message)
      expect(await roster.innerText()).not.toContain('Bea Soto')

      // Looks like an email to the browser but is not a whole one (no '.org' or the like): the server
      // refuses it, and the form says what to write rather than a general "something is not right".
      await email.fill('bea@county')
      await form.getByRole('button', { name: 'Add co-facilitator' }).click()
      await expect.poll(() => form.getByRole('alert').innerText(), { timeout: 5_000 }).toBe('Write their whole work email, for example name@agency.org.')
      expect(await email.evaluate((input) => input === document.activeElement)).toBe(true)

      // Bea's email, from the keyboard: she shows on the list as running the meeting, a screen reader hears it, the field clears.
      await email.fill('bea.cofac@example.org')
      await anaPage.keyboard.press('Enter')
      await expect.poll(() => form.getByRole('status').innerText(), { timeout: 5_000 }).toBe('Bea Soto now runs this meeting with you.')
      expect(await form.getByRole('alert').count()).toBe(0)
      expect(await email.inputValue()).toBe('')
      expect(await email.getAttribute('aria-invalid')).toBeNull()
      await expect.poll(() => roster.locator('li', { hasText: 'Bea Soto' }).innerText(), { timeout: 10_000 }).toContain('Runs the meeting')

      // Bea finds the meeting in her list and opens it as a facilitator (she can add colleagues too).
      const bea = await beaContext.newPage()
      await bea.goto(live.server.url)
      await bea.getByRole('link', { name: /Family meeting for Kai/ }).click()
      await bea.waitForURL(new RegExp(`/m/${meetingId}$`), { timeout: 10_000 })
      await bea.getByRole('form', { name: 'Add a co-facilitator' }).waitFor({ timeout: 30_000 })
      await expect.poll(() => bea.getByTestId('whos-here').innerText(), { timeout: 10_000 }).toMatch(/Bea Soto \(you\)[^\n]*Runs the meeting/)
    } finally {
      await anaPage.context().close()
      await beaContext.close()
    }
  })

  it('keeps the keyboard on "Save details" while the server saves', async () => {
    const page = await facilitatorOnNewMeeting('ana.save@example.org')
    const meetingId = new URL(page.url()).pathname.split('/').pop()!
    try {
      // Pressed from the keyboard: busy, still focused, and a second press sends nothing.
      await page.getByRole('button', { name: 'Meeting details' }).click()
      const details = page.getByRole('dialog', { name: 'Meeting details for the case file' })
      await details.getByLabel('Case reference', { exact: true }).fill('CWS-2026-0042')
      const saving = await holdRequests(page, `**/api/meetings/${meetingId}`, 'PATCH')
      const save = details.getByRole('button', { name: 'Save details' })
      await save.focus()
      await page.keyboard.press('Enter')
      await expect.poll(() => saving.count, { timeout: 5_000 }).toBe(1)
      await page.keyboard.press('Enter')
      expect(await busyWithFocus(save)).toEqual({ ariaDisabled: 'true', disabled: false, focused: true })
      saving.release()
      await details.getByTestId('meeting-details-saved').waitFor({ timeout: 10_000 })
      expect(saving.count).toBe(1)
      expect(await busyWithFocus(save)).toEqual({ ariaDisabled: null, disabled: false, focused: true })
    } finally {
      await page.context().close()
    }
  })

  it('keeps the keyboard on Export while the file is made', async () => {
    const page = await facilitatorOnNewMeeting('ana.export@example.org')
    try {
      await page.getByRole('button', { name: 'Export', exact: true }).click()
      const dialog = page.getByRole('dialog', { name: 'Export the map' })
      await dialog.getByRole('radio', { name: /JSON/ }).check()
      const exporting = await holdRequests(page, /\/export\?format=json/, 'GET')
      const start = dialog.getByRole('button', { name: 'Export', exact: true })
      await start.focus()
      await page.keyboard.press('Enter')
      await expect.poll(() => exporting.count, { timeout: 5_000 }).toBe(1)
      expect(await busyWithFocus(start)).toEqual({ ariaDisabled: 'true', disabled: false, focused: true })
      exporting.release()
      await dialog.getByTestId('export-done').waitFor({ timeout: 10_000 })
      expect(await busyWithFocus(start)).toEqual({ ariaDisabled: null, disabled: false, focused: true })
    } finally {
      await page.context().close()
    }
  })

  it('keeps the keyboard on the private-ratings switch and "Show everyone’s ratings" while the server works', async () => {
    const page = await facilitatorOnNewMeeting('ana.private@example.org')
    try {
      // Each pressed from the keyboard.
      await page.getByRole('button', { name: 'Private ratings' }).click()
      const row = page.getByRole('region', { name: 'Private ratings' }).locator(`li[data-scale-id="${OVERALL_SCALE_ID}"]`)
      const privately = await holdRequests(page, '**/privacy', 'PUT')
      const privateSwitch = row.getByLabel('Private until shown')
      await privateSwitch.focus()
      await page.keyboard.press('Space')
      await expect.poll(() => privately.count, { timeout: 5_000 }).toBe(1)
      await page.keyboard.press('Space')
      expect(await busyWithFocus(privateSwitch)).toEqual({ ariaDisabled: 'true', disabled: false, focused: true })
      privately.release()
      await expect.poll(() => row.getByRole('status').innerText(), { timeout: 10_000 }).toBe('Nobody has rated yet.')
      expect(privately.count).toBe(1)
      expect(await privateSwitch.isChecked()).toBe(true)
      expect(await busyWithFocus(privateSwitch)).toEqual({ ariaDisabled: null, disabled: false, focused: true })

      const revealing = await holdRequests(page, '**/reveal', 'POST')
      const reveal = row.getByRole('button', { name: 'Show everyone’s ratings' })
      await reveal.focus()
      await page.keyboard.press('Enter')
      await expect.poll(() => revealing.count, { timeout: 5_000 }).toBe(1)
      expect(await busyWithFocus(reveal)).toEqual({ ariaDisabled: 'true', disabled: false, focused: true })
      revealing.release()
      await expect.poll(() => privateSwitch.isChecked(), { timeout: 10_000 }).toBe(false)
    } finally {
      await page.context().close()
    }
  })

  it('refuses a new meeting whose start has a date but no time of day, beside the field', async () => {
    await workerWithPassword(live.server, 'ana.new@example.org', 'Ana Ruiz')
    const context = await signedIn('ana.new@example.org')
    try {
      const page = await context.newPage()
      await page.goto(live.server.url)
      await page.getByLabel('Meeting name').fill('Family meeting for Kai')
      await page.getByText('Details for the case file (optional)').click()
      const started = page.getByLabel('Started at')
      await started.focus()
      await page.keyboard.type('01012026') // day and month alike, whatever order the browser's locale shows
      expect(await started.evaluate((input: HTMLInputElement) => input.validity.badInput)).toBe(true)
      // Folded away again: the refusal opens the fold to show the field.
      await page.getByText('Details for the case file (optional)').click()
      await page.getByRole('button', { name: 'Create meeting' }).click()
      const message = 'This time has a date but no time of day. Add the time too, or clear the date.'
      await expect.poll(() => page.getByRole('alert').innerText(), { timeout: 5_000 }).toBe(message)
      expect(await started.evaluate((input) => input === document.activeElement && input.getAttribute('aria-invalid'))).toBe('true')
      expect(await started.evaluate((input) => document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent)).toBe(message)
      expect(new URL(page.url()).pathname).not.toMatch(/^\/m\//)

      // Finished, the meeting is made with its start time.
      await started.fill('2026-11-25T17:00')
      await page.getByRole('button', { name: 'Create meeting' }).click()
      await page.waitForURL(/\/m\/[\w-]+$/, { timeout: 20_000 })
      const meeting = await live.server.services.meetings.get(new URL(page.url()).pathname.split('/').pop()!)
      expect(meeting?.details.startTime).toBe(new Date(2026, 10, 25, 17, 0).getTime())
    } finally {
      await context.close()
    }
  })
})
