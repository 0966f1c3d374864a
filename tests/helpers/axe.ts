/**
 * axe-core, the accessibility checker, run inside a real page: the serious and critical problems it
 * finds against WCAG 2.1 A and AA (and axe's best practices, which the phone tests always held to),
 * each as "impact rule-id (count) targets…", so a failing test says what to fix and where.
 *
 *   expect(await axeProblems(page), 'sign-in page').toEqual([])
 *   expect(await axeProblems(page, 'moderate'), 'board').toEqual([])   // moderate ones too (landmarks)
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const RULE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']
const TARGETS_SHOWN = 5
const IMPACTS = ['minor', 'moderate', 'serious', 'critical'] as const
type Impact = (typeof IMPACTS)[number]

interface AxeViolation {
  id: string
  impact: string | null
  nodes: { target: unknown }[]
}

export async function axeProblems(page: Page, lowest: Impact = 'serious'): Promise<string[]> {
  // Evaluated rather than added as a script tag, so the page's Content-Security-Policy cannot refuse it.
  await page.evaluate(`${AXE_SOURCE}\n;undefined`)
  const violations = await page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: tags } })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)) }))
  }, RULE_TAGS)
  return violations
    .filter((v) => IMPACTS.indexOf(v.impact as Impact) >= IMPACTS.indexOf(lowest))
    .map((v) => `${v.impact} ${v.id} (${v.targets.length}×) ${v.targets.slice(0, TARGETS_SHOWN).join(' ')}`)
}
