/**
 * A family member joining on a phone in the end-to-end tests: the join form filled in as a person
 * would (name, how they are connected, how they take part, the agreement), then the live list.
 *
 *   await joinOnPhone(page, inviteUrl, 'Aunt May')
 *   await joinOnPhone(page, inviteUrl, 'Abuela Lorna', { attendance: 'phone' })
 */
import { expect } from 'vitest'
import type { Page } from 'playwright-core'

/** How the joiner takes part; left out, the form's first choice (in the room). */
export interface JoinChoices {
  readonly attendance?: 'in-room' | 'video' | 'phone'
}

/** Opens the invite link on the phone, joins as `name` and waits for the live list. */
export async function joinOnPhone(page: Page, inviteUrl: string, name: string, choices: JoinChoices = {}) {
  await page.goto(inviteUrl)
  await joinAs(page, name, choices)
  await page.waitForURL(/\/list$/, { timeout: 20_000 })
  await expectLive(page)
}

/** Fills in the join form the way a person would (name, how they are connected, how they take part, agreement). */
export async function joinAs(page: Page, name: string, choices: JoinChoices = {}) {
  await page.getByLabel(/What is your name\?|¿Cómo se llama\?/).fill(name)
  const relationship = page.locator('select').first()
  if ((await relationship.count()) > 0) {
    const value = await relationship.locator('option:not([disabled])').first().getAttribute('value')
    await relationship.selectOption(value ?? '')
  }
  const attendance = page.locator(choices.attendance ? `input[type="radio"][value="${choices.attendance}"]` : 'input[type="radio"]').first()
  if ((await attendance.count()) > 0) await attendance.check()
  const agree = page.locator('input[type="checkbox"]').first()
  if ((await agree.count()) > 0) await agree.check()
  await page.getByRole('button', { name: /Join the meeting|Unirme a la reunión/ }).tap()
}

/** Waits until the page's connection says it is live. */
export async function expectLive(page: Page) {
  await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('live')
}
