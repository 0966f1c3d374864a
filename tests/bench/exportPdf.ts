/**
 * Time to export the case-file PDF of a 300-item map (target ≤ 1 s), two ways: the whole API
 * call (`GET /api/meetings/:id/export?format=pdf` on an in-process server: read the doc state,
 * readMap, roster, render, hash, audit) and the render alone. Items carry Spanish and
 * Vietnamese text and are spread over every section. Prints median, p95 and max over the rounds.
 *
 *   node --import tsx tests/bench/exportPdf.ts [rounds]
 */
import * as Y from 'yjs'
import { SECTION_KEYS, addItem, readMap } from '@safetymap/map-model'
import { buildCaseFileExport, renderExport } from '../../server/src/export/index.ts'
import { startServer } from '../helpers/servers.ts'
import { createMeeting } from '../helpers/clients.ts'

const ITEMS = 300
const ROUNDS = Number(process.argv[2] ?? 10)
const AUTHORS = [
  { id: 'p1', name: 'José Nguyễn' },
  { id: 'p2', name: 'Ana Ruiz' },
  { id: 'p3', name: 'Trần Thị Thu' },
]

const stats = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  return `median ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`
}

const server = await startServer()
try {
  const { apiKey } = await server.addWorker('Ana Ruiz')
  const meeting = await createMeeting(server.url, apiKey, 'Reunión de la familia Nguyễn', 'es')
  await server.services.relay.applyServerChange(meeting.id, (doc) => {
    for (let i = 0; i < ITEMS; i++) {
      const section = SECTION_KEYS[i % SECTION_KEYS.length]!
      addItem(doc, section, `Ítem ${i}: la abuela Nguyễn dijo que Kai está más tranquilo cuando cenan juntos; bà nói rằng mọi thứ đã tốt hơn`, AUTHORS[i % 3]!, {
        now: new Date(Date.UTC(2026, 10, 25, 10, 0, i)),
      })
    }
  })

  const api: number[] = []
  let bytes = 0
  let cold = 0
  for (let round = 0; round <= ROUNDS; round++) {
    const started = performance.now()
    const res = await fetch(`${server.url}/api/meetings/${meeting.id}/export?format=pdf`, { headers: { authorization: `Bearer ${apiKey}` } })
    const body = Buffer.from(await res.arrayBuffer())
    if (res.status !== 200) throw new Error(`export failed: ${res.status} ${body.toString()}`)
    bytes = body.length
    if (round > 0) api.push(performance.now() - started)
    else cold = performance.now() - started // round 0 parses the fonts (once per process) and warms the JIT
  }

  const state = await server.services.relay.readDocState(meeting.id)
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state!)
  const model = buildCaseFileExport({
    meeting: { id: meeting.id, title: meeting.title, locale: 'es', status: 'live', createdAt: Date.UTC(2026, 10, 25) },
    map: readMap(doc),
    stateSha256: '0'.repeat(64),
    roster: [],
    version: { number: 1, finalized: false, finalizedAt: null, finalizedBy: null },
    picture: { included: false },
    restrictedItemIds: new Set(),
  })
  const render: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now()
    await renderExport(model, { format: 'pdf' }, null)
    render.push(performance.now() - started)
  }

  console.log(`case-file PDF of a ${ITEMS}-item map (${(bytes / 1024).toFixed(0)} KiB), ${ROUNDS} rounds after one warm-up`)
  console.log(`  first export in the process (font parsing): ${cold.toFixed(0)} ms`)
  console.log(`  whole API call: ${stats(api)}`)
  console.log(`  render only:    ${stats(render)}`)
} finally {
  await server.close()
}
