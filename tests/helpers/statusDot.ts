/**
 * How the connection status's dot (its `::before`) looks: its colour, and whether it carries the
 * check mark of a finished map, so a test can tell "Live" and "Finished" apart as a person would.
 *
 *   expect(await statusDot(page)).toEqual({ colour: 'rgb(21, 128, 61)', checkMark: false })
 */
import type { Page } from 'playwright-core'

export async function statusDot(page: Page): Promise<{ colour: string; checkMark: boolean }> {
  return page.getByTestId('connection-status').evaluate((status) => {
    const dot = getComputedStyle(status, '::before')
    return { colour: dot.backgroundColor, checkMark: dot.backgroundImage.startsWith('url("data:image/svg') }
  })
}

/** The dots' looks: the live green, and a finished map's grey (--muted) with a check mark. */
export const LIVE_DOT = { colour: 'rgb(21, 128, 61)', checkMark: false }
export const FINISHED_DOT = { colour: 'rgb(82, 96, 109)', checkMark: true }
