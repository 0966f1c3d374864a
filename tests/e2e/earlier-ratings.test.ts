/**
 * "Last time you said 4 — what has changed?" in a real Chromium: a family member's phone, open on
 * the list while the map is finished and reopened, shows "Last time: 4" beside her mark once the
 * meeting goes on (and in Spanish, "La vez pasada: 4"), and the facilitator's board, opened after
 * the reopen, shows it on her mark on the canvas. Before anything was finished, neither shows it.
 */
import { describe, expect, it } from 'vitest'
import { OVERALL_SCALE_ID, writeScalingMark } from '@safetymap/map-model'
import { api, createMeeting, joinByInvite } from '../helpers/clients.ts'
import { recordingContext } from '../helpers/browser.ts'
import { signInByApi, workerWithPassword } from '../helpers/meetingUi.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'

const live = useServerAndChromium()

describe('earlier numbers beside the marks', () => {
  it('shows what she said when the map was last finished, on her phone and on the board', async () => {
    const worker = await workerWithPassword(live.server, 'ana.trend@example.org', 'Ana Ruiz')
    const meeting = await createMeeting(live.server.url, worker.apiKey, 'Kai follow-up')
    const lorna = await joinByInvite(live.server.url, worker.apiKey, meeting.id, 'Grandma Lorna')
    const rate = (value: number) => live.server.services.relay.applyServerChange(meeting.id, (doc) => {
      writeScalingMark(doc, { scaleId: OVERALL_SCALE_ID, participant: { id: lorna.participantId, name: 'Grandma Lorna' }, value, reasons: { whatMakesItThisHigh: '', onePointHigher: '' } })
    })
    const call = async (path: 'finalize' | 'reopen') =>
      expect((await api(live.server.url, `/api/meetings/${meeting.id}/${path}`, { method: 'POST', token: worker.apiKey })).status).toBe(200)
    await rate(4)

    const phone = await recordingContext(live.browser, { viewport: { width: 412, height: 915 } })
    const board = await recordingContext(live.browser)
    try {
      await phone.context.addCookies([{ name: 'sm_session', value: lorna.session, url: live.server.url }])
      const page = await phone.context.newPage()
      await page.goto(`${live.server.url}/m/${meeting.id}/list`)
      const herMark = page.getByTestId('scale-mark').and(page.locator(`[data-participant-id="${lorna.participantId}"]`))
      await expect.poll(() => herMark.innerText(), { timeout: 30_000 }).toContain('4')
      await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('live')
      // Nothing finished yet: nothing to compare with.
      expect(await herMark.getByTestId('mark-last-time').count()).toBe(0)
      // A first version has nothing before it: the phone does not ask (one request fewer on a slow network).
      expect(phone.requests.filter((u) => u.includes('/earlier-ratings'))).toEqual([])

      // The map is finished and reopened for the next meeting, with her phone open; she rates again.
      await call('finalize')
      await call('reopen')
      await rate(6)
      await expect.poll(() => herMark.locator('.phone-mark-value').innerText(), { timeout: 20_000 }).toBe('6')
      await expect.poll(() => herMark.getByTestId('mark-last-time').innerText(), { timeout: 20_000 }).toBe('Last time: 4')
      await page.getByRole('button', { name: 'Español' }).click()
      await expect.poll(() => herMark.getByTestId('mark-last-time').innerText(), { timeout: 10_000 }).toBe('La vez pasada: 4')
      // A meeting later: the trend, oldest first.
      await call('finalize')
      await call('reopen')
      await rate(8)
      await expect.poll(() => herMark.getByTestId('mark-last-time').innerText(), { timeout: 20_000 }).toBe('La vez pasada: 6 (antes 4)')

      // The facilitator's board shows it on her mark.
      const boardPage = await board.context.newPage()
      await signInByApi(board.context, live.server.url, 'ana.trend@example.org')
      await boardPage.goto(`${live.server.url}/m/${meeting.id}`)
      const mark = boardPage.locator('.tl-canvas').getByTestId('sm-scaling-mark')
      await expect.poll(() => mark.innerText(), { timeout: 30_000 }).toContain('Grandma Lorna')
      // The mark is small: the last number on it, the whole trend on hover, nothing past its edge.
      const lastTime = mark.getByTestId('sm-mark-last-time')
      await expect.poll(() => lastTime.innerText(), { timeout: 15_000 }).toBe('Last time: 6')
      expect(await lastTime.getAttribute('title')).toBe('Last time: 6 (earlier 4)')
      expect(await mark.locator('.sm-mark__value').innerText()).toBe('8')
      expect(await lastTime.evaluate((span) => span.getBoundingClientRect().right <= span.closest('[data-testid="sm-scaling-mark"]')!.getBoundingClientRect().right + 0.5)).toBe(true)
    } finally {
      await phone.context.close()
      await board.context.close()
    }
  })
})
