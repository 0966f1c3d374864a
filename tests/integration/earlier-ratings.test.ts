/**
 * `GET /api/meetings/:id/earlier-ratings` over the real server and SQLite: after a finish and a
 * reopen, each person's numbers from the finished versions come back by line and person, oldest
 * first; on a line that is private until the reveal each person gets only their own, so a family
 * member never learns another's number there (nor does the facilitator, who cannot see it today).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { addDangerStatement, OVERALL_SCALE_ID, writeScalingMark } from '@safetymap/map-model'
import type { TestServer } from '../helpers/servers.ts'
import { useServers } from '../helpers/useServers.ts'
import { api, createMeeting, joinByInvite } from '../helpers/clients.ts'

const start = useServers()
let server: TestServer

beforeAll(async () => {
  server = await start()
})

type Earlier = { earlier: { scaleId: string; participantId: string; numbers: { version: number; value: number }[] }[] }

describe('earlier ratings', () => {
  it('gives the numbers of finished versions after a reopen, and a private line’s only to whoever gave them', async () => {
    const { apiKey, workerId } = await server.addWorker('Ana Ruiz')
    const { id } = await createMeeting(server.url, apiKey, 'Kai follow-up')
    const lorna = await joinByInvite(server.url, apiKey, id, 'Grandma Lorna')
    const sam = await joinByInvite(server.url, apiKey, id, 'Sam')
    let statement = ''
    await server.services.relay.applyServerChange(id, (doc) => {
      statement = addDangerStatement(doc, {
        whoIsWorried: 'Grandma Lorna', behaviour: 'Jess stays in bed', situations: 'on low days', impactOnChild: 'Kai misses school', whoDisagrees: '',
      }, { id: workerId, name: 'Ana Ruiz' })
    })
    const rate = (scaleId: string, who: { participantId: string }, value: number) => server.services.relay.applyServerChange(id, (doc) => {
      writeScalingMark(doc, { scaleId, participant: { id: who.participantId, name: '' }, value, reasons: { whatMakesItThisHigh: '', onePointHigher: '' } })
    })
    const earlierFor = async (token: string) => {
      const res = await api<Earlier>(server.url, `/api/meetings/${id}/earlier-ratings`, { token })
      expect(res.status).toBe(200)
      return res.body.earlier
    }
    const call = (path: string) => api(server.url, `/api/meetings/${id}/${path}`, { token: apiKey, method: 'POST' })

    await rate(OVERALL_SCALE_ID, lorna, 4)
    await rate(OVERALL_SCALE_ID, sam, 5)
    await rate(statement, lorna, 3)
    await rate(statement, sam, 2)
    // Nothing was finished yet: nothing to compare with.
    expect(await earlierFor(lorna.session)).toEqual([])

    expect((await call('finalize')).status).toBe(200)
    expect((await call('reopen')).status).toBe(200)
    await rate(OVERALL_SCALE_ID, lorna, 6)
    expect((await call('finalize')).status).toBe(200)
    expect((await call('reopen')).status).toBe(200)
    await rate(OVERALL_SCALE_ID, lorna, 8)

    // Worry 1 turns private, and Sam gives his number out of band.
    const ratings = `/api/meetings/${id}/ratings/${encodeURIComponent(statement)}`
    expect((await api(server.url, `${ratings}/privacy`, { method: 'PUT', token: apiKey, body: { private: true } })).status).toBe(200)
    expect((await api(server.url, ratings, { method: 'PUT', token: sam.session, body: { value: 4 } })).status).toBe(200)

    const overall = [
      { scaleId: OVERALL_SCALE_ID, participantId: lorna.participantId, numbers: [{ version: 1, value: 4 }, { version: 2, value: 6 }] },
      { scaleId: OVERALL_SCALE_ID, participantId: sam.participantId, numbers: [{ version: 1, value: 5 }, { version: 2, value: 5 }] },
    ]
    const own = (who: { participantId: string }, value: number) => ({ scaleId: statement, participantId: who.participantId, numbers: [{ version: 1, value }, { version: 2, value }] })
    expect(await earlierFor(sam.session)).toEqual(expect.arrayContaining([...overall, own(sam, 2)]))
    expect(await earlierFor(sam.session)).toHaveLength(3)
    expect(await earlierFor(lorna.session)).toEqual(expect.arrayContaining([...overall, own(lorna, 3)]))
    expect(await earlierFor(lorna.session)).toHaveLength(3)
    const facilitator = await earlierFor(apiKey)
    expect(facilitator.filter((e) => e.scaleId === statement)).toEqual([])
    expect(facilitator).toEqual(expect.arrayContaining(overall))

    // Once shown to everyone, everyone's earlier numbers on it are for everyone again.
    expect((await api(server.url, `${ratings}/reveal`, { method: 'POST', token: apiKey })).status).toBe(200)
    expect(await earlierFor(sam.session)).toEqual(expect.arrayContaining([own(lorna, 3), own(sam, 2)]))

    // Only for the meeting's own people.
    expect((await api(server.url, `/api/meetings/${id}/earlier-ratings`)).status).toBe(401)
    const other = (await server.addWorker('Other Worker')).apiKey
    expect((await api(server.url, `/api/meetings/${id}/earlier-ratings`, { token: other })).status).toBe(404)
  })
})
