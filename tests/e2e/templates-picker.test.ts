/**
 * Templates in a real Chromium (map-model MM-26, MM-29): the facilitator adds a Three Houses next
 * to the map with "Add a template", drops a note in the house of worries with tldraw's note tool,
 * marks that the child agreed to share it, and a Node y-websocket peer reads the note back through
 * `readMap` in that house of that placement, while the three-column sections stay as they were.
 * The server runs with a `LABELS_FILE`, so one house shows the agency's own heading, and the
 * phone's live list (English, then Spanish) heads a column, a section and that house in the
 * agency's words too.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { readMap } from '@safetymap/map-model'
import { connectPeer } from '../helpers/clients.ts'
import { foreignHosts, recordingContext } from '../helpers/browser.ts'
import { addNoteUnder, openNewMeeting, workerWithPassword } from '../helpers/meetingUi.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'

/** The deployment's own words for one house, one column and one section with its hint (map-model MM-28). */
const AGENCY_LABELS = {
  'house-good-things': { en: { label: 'Good things house' }, es: { label: 'Casa de lo bueno' } },
  needs: { en: { label: 'What has to change' }, es: { label: 'Lo que tiene que cambiar' } },
  danger: {
    en: { label: 'Worries about the future', hint: 'What we fear could happen to the child.' },
    es: { label: 'Preocupaciones sobre el futuro', hint: 'Lo que tememos que le pase al niño.' },
  },
} as const

/** The deployment relabels some headings: the canvas and the phones show the agency's words. */
function agencyLabelsFile(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sm-e2e-labels-')), 'labels.json')
  writeFileSync(file, JSON.stringify(AGENCY_LABELS))
  return file
}

const live = useServerAndChromium({ env: { LABELS_FILE: agencyLabelsFile() } })

/** The zones (named by their headings) of which some part is under a panel over the canvas, or off it. */
function zonesUnderPanels(page: Page, headings: readonly string[]): Promise<string[]> {
  return page.evaluate((texts) => {
    const panels = [...document.querySelectorAll('.tlui-menu-zone, .tlui-helper-buttons > *, .tlui-layout__top__center > *, .tlui-layout__top__right > *, .tlui-navigation-panel, .tlui-main-toolbar__inner, .tlui-help-menu, .phone-show-list')]
      .map((element) => element.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
    const canvas = document.querySelector('.tl-canvas')!.getBoundingClientRect()
    const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
    return texts.filter((text) => {
      const heading = [...document.querySelectorAll('.tl-canvas *')].find((element) => element.children.length === 0 && element.textContent === text)
      const zone = heading?.closest('.tl-shape')
      if (!zone) return true
      const box = zone.getBoundingClientRect()
      const inside = box.left >= canvas.left && box.right <= canvas.right && box.top >= canvas.top && box.bottom <= canvas.bottom
      return !inside || panels.some((panel) => overlaps(panel, box))
    })
  }, headings)
}

describe('template picker on the canvas', () => {
  it('adds a Three Houses beside the map; a note in the house of worries reads back in that house with the child-agreed flag', async () => {
    const worker = await workerWithPassword(live.server, 'ana.templates@example.org', 'Ana Ruiz')
    // A laptop screen, where tldraw's menu and toolbar and "Show as list" stand over the canvas.
    const facilitator = await recordingContext(live.browser, { viewport: { width: 1366, height: 850 } })
    const page = await facilitator.context.newPage()
    const meetingId = await openNewMeeting(page, live.server.url, 'ana.templates@example.org', 'Family meeting for Kai')
    const canvas = page.locator('.tl-canvas')
    await canvas.getByText('What are we worried about?', { exact: true }).first().waitFor({ timeout: 20_000 })
    await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('live')

    // By keyboard: the menu takes the focus, the arrows move in it, Escape gives the focus back.
    const addTemplate = page.getByRole('button', { name: 'Add a template' })
    const focusedName = () => page.evaluate(() => document.activeElement?.textContent ?? '')
    await addTemplate.focus()
    await page.keyboard.press('Enter')
    await expect.poll(focusedName).toBe('Safety map (three columns)')
    await page.keyboard.press('End')
    expect(await focusedName()).toBe('Cancel')
    await page.keyboard.press('ArrowDown')
    expect(await focusedName()).toBe('Safety map (three columns)')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('menu').count()).toBe(0)
    expect(await focusedName()).toBe('Add a template')
    await page.keyboard.press('Enter')
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown')
    expect(await focusedName()).toBe('Three Houses')
    await page.keyboard.press('Enter')
    // A parent's consent comes first: nothing is placed until it is recorded.
    const consent = page.getByRole('dialog', { name: 'Before you add Three Houses' })
    await expect.poll(() => consent.getByRole('button', { name: 'Add Three Houses' }).isDisabled()).toBe(true)
    await consent.getByLabel('Who agreed?').fill('Jess, Kai’s mum')
    await consent.getByLabel('A parent agreed to using Three Houses with the child').check()
    await consent.getByRole('button', { name: 'Add Three Houses' }).click()
    await canvas.getByText('House of worries', { exact: true }).first().waitFor({ timeout: 10_000 })
    // The keyboard is back on the button it started from, not lost on the page.
    expect(await focusedName()).toBe('Add a template')
    // The view moved to the houses, and no panel over the canvas stands on any of them.
    await expect.poll(() => zonesUnderPanels(page, ['House of worries', 'Good things house', 'House of hopes and dreams']), { timeout: 5_000 }).toEqual([])
    expect(await canvas.getByTestId('sm-zone-consent').innerText()).toBe('A parent agreed: Jess, Kai’s mum')
    // The agency's label from LABELS_FILE, and the catalogue's words for the others.
    expect(await canvas.getByText('Good things house', { exact: true }).count()).toBe(1)
    expect(await canvas.getByText('House of hopes and dreams', { exact: true }).count()).toBe(1)

    await addNoteUnder(page, 'House of worries', 'i dont like it when they shout')

    const observer = connectPeer({ url: live.server.url, meetingId, token: worker.apiKey })
    try {
      await observer.synced()
      const worries = () => readMap(observer.doc).templates.find((t) => t.templateId === 'three-houses')?.sections['house-worries'] ?? []
      await waitFor(() => worries().some((i) => i.text === 'i dont like it when they shout'), {
        timeoutMs: 10_000,
        what: 'the note in the house of worries',
      })

      // Select the note and record that the child agreed to share it.
      await canvas.getByText('i dont like it when they shout', { exact: true }).first().click()
      await page.getByRole('button', { name: 'The child agreed to share this' }).click()
      await waitFor(() => worries()[0]?.childAgreed === true, { timeoutMs: 5_000, what: 'the child-agreed flag in the doc' })

      const map = readMap(observer.doc)
      const houses = map.templates.filter((t) => t.templateId === 'three-houses')
      expect(houses).toHaveLength(1)
      expect(houses[0]?.placementId).toMatch(/^[A-Za-z0-9]+$/)
      expect(houses[0]?.sections['house-good-things']).toEqual([])
      expect(houses[0]?.sections['house-hopes-dreams']).toEqual([])
      expect(worries().map((i) => [i.text, i.authorName, i.childAgreed])).toEqual([['i dont like it when they shout', 'Ana Ruiz', true]])
      expect(houses[0]?.parentConsent).toMatchObject({ givenBy: 'Jess, Kai’s mum', recordedByName: 'Ana Ruiz' })

      // The child names the house of worries in their own words; the heading shows them as said.
      await page.getByRole('button', { name: 'Name the houses' }).click()
      const names = page.getByRole('dialog', { name: 'The child’s names for the houses' })
      await names.getByLabel('House of worries').fill('the sad house :(')
      await names.getByRole('button', { name: 'Save the names' }).click()
      await canvas.getByText('the sad house :(', { exact: true }).first().waitFor({ timeout: 10_000 })
      await waitFor(() => readMap(observer.doc).templates[0]?.headings['house-worries'] === 'the sad house :(', { timeoutMs: 5_000, what: 'the child’s name in the doc' })
      expect(worries().map((i) => i.text)).toEqual(['i dont like it when they shout'])
      // The three-column map reads as before: nothing moved into its sections or into unsorted.
      expect(Object.values(map.sections).every((items) => items.length === 0)).toBe(true)
      expect(map.unsorted).toEqual([])
    } finally {
      observer.destroy()
    }
    // A Safety House placed next is framed clear of the panels too, its path's numbers at the bottom included.
    await addTemplate.click()
    await page.getByRole('menuitem', { name: 'Safety House' }).click()
    await canvas.getByText('Path to the door (0–10)', { exact: true }).first().waitFor({ timeout: 10_000 })
    const safetyHouse = ['Who lives here', 'Who visits', 'House rules', 'People outside', 'Path to the door (0–10)']
    await expect.poll(() => zonesUnderPanels(page, safetyHouse), { timeout: 5_000 }).toEqual([])

    // The phone's live list (once the server's copy has given way to it) heads the map in the agency's words too.
    await page.goto(`${live.server.url}/m/${meetingId}/list`)
    const list = page.locator('#root')
    await list.locator('.phone-column-heading[data-column="needs"]').waitFor({ timeout: 20_000 })
    await expect.poll(() => page.locator('#phone-prerender').count()).toBe(0)
    const danger = list.locator('[data-section="danger"]')
    for (const locale of ['en', 'es'] as const) {
      if (locale === 'es') await page.getByRole('button', { name: 'Español' }).click()
      await expect.poll(() => list.locator('.phone-column-heading[data-column="needs"]').innerText()).toBe(AGENCY_LABELS.needs[locale].label)
      expect(await danger.locator('.phone-section-heading').innerText()).toBe(AGENCY_LABELS.danger[locale].label)
      expect(await danger.locator('.phone-hint').innerText()).toBe(AGENCY_LABELS.danger[locale].hint)
      expect(await list.locator('[data-section="house-good-things"] .phone-section-heading').innerText()).toBe(AGENCY_LABELS['house-good-things'][locale].label)
      expect(await list.getByTestId('phone-jump').locator('a').allTextContents()).toContain(AGENCY_LABELS.needs[locale].label)
    }
    expect(foreignHosts(facilitator.requests, new URL(live.server.url).host)).toEqual([])
    await facilitator.context.close()
  })
})
