/**
 * Prometheus `/metrics` and `/readyz` (bar item 20), as one encapsulated fastify plugin. Metrics
 * come from the relay's counters and gauges plus Node's defaults (event-loop lag, heap, RSS, CPU)
 * in a registry of our own. Labels are fixed words (a reject reason), never ids, names or content.
 *
 * ```ts
 * await app.register(metricsPlugin, { relay })
 * // GET /metrics → text/plain; version=0.0.4   GET /readyz → 200 { ready: true } | 503
 * ```
 */
import type { FastifyInstance } from 'fastify'
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client'
import type { Relay, RelayCounters } from '../relay/index.ts'

/** @public */
export interface MetricsPluginOptions {
  readonly relay: Pick<Relay, 'stats' | 'isAccepting'>
}

/** Relay counters reported as `safetymap_relay_rejects_total{reason}`, by label. */
const REJECT_REASONS = {
  malformed: 'rejectedMalformed',
  room_full: 'rejectedRoomFull',
  inbox_overflow: 'rejectedInboxOverflow',
  send_buffer_full: 'rejectedSendBufferFull',
  unresolved_updates: 'rejectedUnresolvedUpdates',
  rate_limited: 'rejectedRateLimited',
  foreign_client_id: 'rejectedForeignClientId',
  presence_claim: 'rejectedPresenceClaim',
  invalid_record: 'rejectedInvalidRecord',
  template_protected: 'rejectedTemplateProtected',
  unresolved_parent: 'rejectedUnresolvedParent',
  private_rating: 'rejectedPrivateRating',
  doc_too_large: 'rejectedDocTooLarge',
  stale_epoch: 'rejectedStaleEpoch',
  ping_timeout: 'pingTimeouts',
} as const satisfies Record<string, keyof RelayCounters>

/** Other relay counters, each its own `safetymap_relay_<name>_total`. */
const TOTALS = {
  messages_in: ['messagesIn', 'Frames received from peers.'],
  bytes_in: ['bytesIn', 'Bytes received from peers.'],
  bytes_out: ['bytesOut', 'Bytes sent to peers.'],
  updates_accepted: ['updatesAccepted', 'Updates appended to the store and broadcast.'],
  viewer_updates_dropped: ['viewerUpdatesDropped', 'Updates from viewers, dropped.'],
  awareness_coalesced: ['awarenessCoalesced', 'Awareness messages held back by the 10 Hz throttle.'],
  append_failures: ['appendFailures', 'Failed appends to the store (persistence failures).'],
  compactions: ['compactions', 'Compactions of a document log.'],
  compaction_failures: ['compactionFailures', 'Failed compactions (flush failures).'],
  load_failures: ['loadFailures', 'Rooms that could not be loaded.'],
  room_resets: ['roomResets', 'Rooms discarded after Yjs failed mid-apply.'],
  doc_size_warnings: ['docSizeWarnings', 'Rooms whose stored document passed the warning size.'],
} as const satisfies Record<string, readonly [keyof RelayCounters, string]>

/** Builds the registry; every value is read from the relay at scrape time. @public */
export function createMetricsRegistry(relay: MetricsPluginOptions['relay']): Registry {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 })
  const gauge = (name: string, help: string, read: () => number): void => {
    new Gauge({ name, help, registers: [registry], collect() { this.set(read()) } })
  }
  gauge('safetymap_relay_connections', 'Open sync connections.', () => relay.stats().connections)
  gauge('safetymap_relay_rooms_loaded', 'Rooms in memory.', () => relay.stats().rooms)
  gauge('safetymap_relay_rooms_loading', 'Rooms loading from the store.', () => relay.stats().roomsLoading)
  gauge('safetymap_relay_rooms_unsaved', 'Rooms holding changes the store does not (persistence lag).', () => relay.stats().roomsUnsaved)
  gauge('safetymap_relay_queued_tasks', 'Messages waiting in room queues.', () => relay.stats().queuedTasks)
  new Counter({
    name: 'safetymap_relay_rejects_total',
    help: 'Connections or messages refused, by reason.',
    labelNames: ['reason'],
    registers: [registry],
    collect() {
      const { counters } = relay.stats()
      this.reset()
      for (const [reason, key] of Object.entries(REJECT_REASONS)) this.inc({ reason }, counters[key])
    },
  })
  for (const [name, [key, help]] of Object.entries(TOTALS)) {
    new Counter({
      name: `safetymap_relay_${name}_total`,
      help,
      registers: [registry],
      collect() {
        this.reset()
        this.inc(relay.stats().counters[key])
      },
    })
  }
  return registry
}

/** Registers `GET /metrics` and `GET /readyz`. @public */
export async function metricsPlugin(app: FastifyInstance, options: MetricsPluginOptions): Promise<void> {
  const registry = createMetricsRegistry(options.relay)
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('content-type', registry.contentType)
    return registry.metrics()
  })
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const ready = options.relay.isAccepting()
    return reply.code(ready ? 200 : 503).send({ ready })
  })
}
