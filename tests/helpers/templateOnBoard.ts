/**
 * A facilitator's board (1366×850) with a template placed from "Add a template", a Node peer that
 * reads the doc, and phones that join by invite — what each template's end-to-end test starts from.
 * Everything is closed after `body`, whatever it threw.
 *
 *   await withTemplateOnBoard(live, { email: 'ana.plan@example.org', title: 'Plan for Kai', template: 'Safety plan', zone: 'safety-plan-rules' }, async ({ board, joinPhone }) => {
 *     const phone = await joinPhone('Abuela Lorna')
 *   })
 */
import { devices, type Locator, type Page } from 'playwright-core'
import { zoneLabel, type ZoneKey } from '@safetymap/map-model'
import { api, connectPeer, type Peer } from './clients.ts'
import { recordingContext } from './browser.ts'
import { openNewMeeting, workerWithPassword } from './meetingUi.ts'
import { joinOnPhone } from './phoneJoin.ts'
import type { ServerAndChromium } from './serverAndChromium.ts'

/** What {@link withTemplateOnBoard} hands its body. */
export interface TemplateOnBoard {
  readonly apiKey: string
  readonly meetingId: string
  readonly board: Page
  readonly canvas: Locator
  /** A y-websocket peer on the meeting's doc, as the worker. */
  readonly observer: Peer
  /** A new Pixel 7 page that joined the meeting as `name` from an editor's invite link. */
  joinPhone(name: string): Promise<Page>
}

export async function withTemplateOnBoard(
  live: ServerAndChromium,
  /** `phoneLocale`: the phones' browser language (English by default). */
  options: { readonly email: string; readonly title: string; readonly template: string; readonly zone: ZoneKey; readonly phoneLocale?: string },
  body: (at: TemplateOnBoard) => Promise<void>,
): Promise<void> {
  const { apiKey } = await workerWithPassword(live.server, options.email, 'Ana Ruiz')
  const facilitator = await recordingContext(live.browser, { viewport: { width: 1366, height: 850 } })
  const phone = await live.browser.newContext({ ...devices['Pixel 7'], locale: options.phoneLocale ?? 'en-US' })
  const board = await facilitator.context.newPage()
  const meetingId = await openNewMeeting(board, live.server.url, options.email, options.title)
  const canvas = board.locator('.tl-canvas')
  await canvas.getByText('What are we worried about?', { exact: true }).first().waitFor({ timeout: 20_000 })
  const observer = connectPeer({ url: live.server.url, meetingId, token: apiKey })
  const joinPhone = async (name: string) => {
    const invite = await api<{ url: string }>(live.server.url, `/api/meetings/${meetingId}/invites`, { token: apiKey, body: { role: 'editor' } })
    const url = new URL(invite.body.url)
    const page = await phone.newPage()
    await joinOnPhone(page, `${live.server.url}${url.pathname}${url.hash}`, name)
    return page
  }
  try {
    await board.getByRole('button', { name: 'Add a template' }).click()
    await board.getByRole('menuitem', { name: options.template }).click()
    await canvas.getByText(zoneLabel(options.zone, 'en'), { exact: true }).first().waitFor({ timeout: 10_000 })
    await body({ apiKey, meetingId, board, canvas, observer, joinPhone })
  } finally {
    observer.destroy()
    await phone.close()
    await facilitator.context.close()
  }
}
