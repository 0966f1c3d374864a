/**
 * The toolkit through the real relay (map-model MM-14 … MM-17, MM-20): the relay's record
 * validation accepts danger statements, goals, next steps and marks; two family members who rate
 * at the same moment both keep their mark; a late joiner reads everything, link included.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import {
  addDangerStatement,
  addNextStep,
  addSafetyGoal,
  OVERALL_SCALE_ID,
  readMap,
  writeScalingMark,
} from '@safetymap/map-model'
import type { TestServer } from '../helpers/servers.ts'
import { useServers, usePeers } from '../helpers/useServers.ts'
import { connectPeer, createMeeting, joinByInvite } from '../helpers/clients.ts'
import { waitFor } from '../helpers/waitFor.ts'

const start = useServers()
const peers = usePeers()
let server: TestServer

beforeAll(async () => {
  server = await start()
})

const SLOTS = {
  whoIsWorried: 'Grandma Lorna',
  behaviour: 'Jess stays in bed until the afternoon',
  situations: 'on low days',
  impactOnChild: 'Kai misses school',
  whoDisagrees: '',
}
const GOAL = {
  caregiversWillBeDoing: 'Jess texts Lorna by 7:30',
  childWillExperience: 'Kai is at school every day',
  whoIsInvolved: 'Lorna and Sam',
  forHowLong: 'four months',
  howEveryoneWillKnow: 'school records',
}

describe('toolkit records through the relay', () => {
  it('keeps both marks of two people rating at once, and a late joiner reads statements, link and marks', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Kai family meeting')
    const lorna = await joinByInvite(server.url, apiKey, meeting.id, 'Grandma Lorna')
    const sam = await joinByInvite(server.url, apiKey, meeting.id, 'Sam')
    const facilitator = connectPeer({ url: server.url, meetingId: meeting.id, token: apiKey })
    const lornaPeer = connectPeer({ url: server.url, meetingId: meeting.id, token: lorna.session })
    const samPeer = connectPeer({ url: server.url, meetingId: meeting.id, token: sam.session })
    peers.push(facilitator, lornaPeer, samPeer)
    await Promise.all([facilitator.synced(), lornaPeer.synced(), samPeer.synced()])

    const statement = addDangerStatement(facilitator.doc, SLOTS, { id: 'worker-ana', name: 'Ana Ruiz' })
    const goal = addSafetyGoal(facilitator.doc, { ...GOAL, dangerStatementId: statement }, { id: 'worker-ana', name: 'Ana Ruiz' })
    addNextStep(facilitator.doc, { action: 'add Sam to the chat', owner: 'Lorna', dueDate: '2026-12-04', safetyGoalId: goal }, { id: 'worker-ana', name: 'Ana Ruiz' })
    await waitFor(() => readMap(lornaPeer.doc).safetyGoals.length === 1 && readMap(samPeer.doc).safetyGoals.length === 1, {
      timeoutMs: 5_000,
      what: 'the statement and goal on both family screens',
    })

    // Both rate in the same tick, before either sees the other's mark.
    const reasons = { whatMakesItThisHigh: 'Lorna helps', onePointHigher: 'Sam joins in' }
    writeScalingMark(lornaPeer.doc, { scaleId: OVERALL_SCALE_ID, participant: { id: lorna.participantId, name: 'Grandma Lorna' }, value: 6, reasons })
    writeScalingMark(samPeer.doc, { scaleId: OVERALL_SCALE_ID, participant: { id: sam.participantId, name: 'Sam' }, value: 4, reasons })
    writeScalingMark(samPeer.doc, { scaleId: statement, participant: { id: sam.participantId, name: 'Sam' }, value: 3, reasons })
    for (const peer of [facilitator, lornaPeer, samPeer]) {
      await waitFor(() => readMap(peer.doc).scales.flatMap((s) => s.marks).length === 3, { timeoutMs: 5_000, what: 'all three marks everywhere' })
    }

    // A late joiner loads the stored doc: the relay accepted every toolkit record.
    const late = connectPeer({ url: server.url, meetingId: meeting.id, token: apiKey })
    peers.push(late)
    await late.synced()
    await waitFor(() => readMap(late.doc).scales.length === 2, { timeoutMs: 5_000, what: 'the marks for the late joiner' })
    const map = readMap(late.doc)
    expect(map.dangerStatements.map((s) => s.slots)).toEqual([SLOTS])
    expect(map.safetyGoals).toEqual([expect.objectContaining({ dangerStatementId: statement, dangerStatementNumber: 1 })])
    expect(map.nextSteps).toEqual([expect.objectContaining({ safetyGoalId: goal, safetyGoalExists: true })])
    expect(map.scales.map((s) => [s.scaleId, s.marks.map((m) => [m.participantName, m.value])])).toEqual([
      [OVERALL_SCALE_ID, [['Grandma Lorna', 6], ['Sam', 4]]],
      [statement, [['Sam', 3]]],
    ])
  })
})
