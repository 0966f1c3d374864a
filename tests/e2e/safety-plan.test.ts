/**
 * The safety plan (safety-mapping §5) in a real Chromium: the facilitator adds it beside the map
 * with "Add a template"; a grandmother on her phone, in Spanish, finds its boxes under their
 * Spanish headings and adds an everyday rule, then a phone number, after which the contacts form
 * closes saying in plain Spanish who will see it; the rule shows in that box on the facilitator's
 * board and in her list, and a Node y-websocket peer reads it through `readMap` in the plan's
 * rules box with her name. On the board, "Write a note" offers the plan's boxes beside the map's
 * sections, in the order her phone lists them, and a warning sign written there lands in its box.
 */
import { describe, expect, it } from 'vitest'
import { readMap, zoneLabel } from '@safetymap/map-model'
import { waitFor } from '../helpers/waitFor.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'
import { withTemplateOnBoard } from '../helpers/templateOnBoard.ts'

const live = useServerAndChromium()

describe('safety plan', () => {
  it('is added from the board; a rule written on a phone in Spanish shows on the board and in her list', async () => {
    await withTemplateOnBoard(live, { email: 'ana.plan@example.org', title: 'Safety plan for Kai', template: 'Safety plan', zone: 'safety-plan-rules' }, async ({ board, canvas, observer, joinPhone }) => {
      const page = await joinPhone('Abuela Lorna')
      await page.getByRole('button', { name: 'Español' }).tap()

      const plan = page.locator('[data-testid="phone-template"][data-template="safety-plan"]')
      await plan.getByRole('heading', { name: 'Plan de seguridad' }).waitFor({ timeout: 10_000 })
      expect(await plan.locator('h3').allInnerTexts()).toEqual([
        'Reglas que mantienen al niño o la niña a salvo cada día',
        'Quién hace qué',
        'Señales de alerta',
        'Si no se cumple una regla',
        'Teléfonos y contactos',
      ])

      const rules = plan.locator('[data-testid="phone-section"][data-section="safety-plan-rules"]')
      const rule = 'Kai nunca se queda solo en la bañera'
      await rules.locator('.phone-add-open').tap()
      await rules.locator('.phone-add textarea').fill(rule)
      await rules.getByRole('button', { name: 'Añadir' }).tap()
      await rules.getByTestId('phone-item-text').getByText(rule, { exact: true }).waitFor({ timeout: 5_000 })

      const contacts = plan.locator('[data-testid="phone-section"][data-section="safety-plan-contacts"]')
      await contacts.locator('.phone-add-open').tap()
      await contacts.locator('.phone-add textarea').fill('Abuela Lorna 555-0142')
      await contacts.getByRole('button', { name: 'Añadir' }).tap()
      await contacts.getByTestId('add-status').getByText('Enviado. Solo el personal de la agencia verá este número.', { exact: true }).waitFor({ state: 'visible', timeout: 10_000 })
      expect(await contacts.locator('.phone-add textarea').count()).toBe(0)

      const inRules = () => readMap(observer.doc).templates.find((t) => t.templateId === 'safety-plan')?.sections['safety-plan-rules'] ?? []
      await observer.synced()
      await waitFor(() => inRules().some((i) => i.text === rule && i.authorName === 'Abuela Lorna'), { timeoutMs: 10_000, what: 'her rule in the plan’s rules box' })
      await canvas.getByText(rule, { exact: true }).first().waitFor({ timeout: 10_000 })

      // On the board, "Write a note" offers the plan's boxes too, named "template: box" (no mouse needed
      // to fill them), in the plan's own order as her phone lists them, not as its grid reads across.
      await board.getByRole('button', { name: 'Write a note' }).click()
      const dialog = board.getByRole('dialog', { name: 'Your note' })
      const where = dialog.getByLabel('Where does it go on the map?')
      const signsBox = `Safety plan: ${zoneLabel('safety-plan-warning-signs', 'en')}`
      expect((await where.locator('option').allInnerTexts()).filter((label) => label.startsWith('Safety plan: '))).toEqual([
        `Safety plan: ${zoneLabel('safety-plan-rules', 'en')}`,
        `Safety plan: ${zoneLabel('safety-plan-who', 'en')}`,
        signsBox,
        `Safety plan: ${zoneLabel('safety-plan-if-broken', 'en')}`,
        `Safety plan: ${zoneLabel('safety-plan-contacts', 'en')} (only the agency’s workers see it)`,
      ])
      await where.selectOption({ label: signsBox })
      const sign = 'Dad drinks before the visit'
      await dialog.getByLabel('What do you want to say?').fill(sign)
      await dialog.getByRole('button', { name: 'Save' }).click()
      const inSigns = () => readMap(observer.doc).templates.find((t) => t.templateId === 'safety-plan')?.sections['safety-plan-warning-signs'] ?? []
      await waitFor(() => inSigns().some((i) => i.text === sign && i.authorName === 'Ana Ruiz'), { timeoutMs: 10_000, what: 'the warning sign in the plan’s box' })
    })
  }, 90_000)
})
