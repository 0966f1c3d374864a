/**
 * Builds the SafetyMap server without listening: stores over one SQLite file (or PostgreSQL with
 * `DATABASE_URL`, see `openStores.ts`), the relay, and every HTTP plugin. `main.ts` listens; tests call `buildApp` and listen on port 0.
 *
 *   const { app } = await buildApp({ config })
 *   await app.listen({ port: 0 })
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import cookie from '@fastify/cookie'
import websocket from '@fastify/websocket'
import swagger from '@fastify/swagger'
import { createSafetyMapSchema } from '@safetymap/map-model/schema'
import type { Config } from './config.ts'
import { openStores } from './openStores.ts'
import { createRelay, MAX_MESSAGE_BYTES, type Relay } from './relay/index.ts'
import type { Services } from './http/services.ts'
import { principalPlugin } from './http/principal.ts'
import { securityHeaders } from './http/securityHeaders.ts'
import { authRoutes } from './http/authRoutes.ts'
import { meetingRoutes } from './http/meetingRoutes.ts'
import { joinRoutes } from './http/joinRoutes.ts'
import { syncRoute } from './http/syncRoute.ts'
import { rateLimits } from './http/rateLimits.ts'
import { inviteRoutes } from './http/inviteRoutes.ts'
import { participantRoutes } from './http/participantRoutes.ts'
import { canTalkRoute } from './http/canTalkRoute.ts'
import { finalizeRoutes } from './http/finalizeRoutes.ts'
import { facilitatorRoutes } from './http/facilitatorRoutes.ts'
import { apiKeyRoutes } from './http/apiKeyRoutes.ts'
import { restrictedRoutes } from './http/restrictedRoutes.ts'
import { rosterEventsRoute } from './http/rosterEventsRoute.ts'
import { earlierRatingsRoute } from './http/earlierRatingsRoute.ts'
import { createMeetingEvents } from './access/meetingEvents.ts'
import { startRetention } from './meetings/purgeMeeting.ts'
import { isRestrictedDocId } from './meetings/restrictedDoc.ts'
import { webApp } from './http/webApp.ts'
import { syncSocketOptions } from './http/syncSocketOptions.ts'
import { exportRoutes } from './export/index.ts'
import { ratingRoutes } from './ratings/index.ts'
import { journalRoutes } from './journal/journalRoutes.ts'
import { metricsPlugin } from './metrics/metricsPlugin.ts'
import { trackConnections } from './http/trackConnections.ts'
import { settleWithin } from './settleWithin.ts'
import { syncAccessChange } from './http/syncDecision.ts'

export { DATABASE_FILE } from './openStores.ts'

/**
 * How long a shutdown waits, once every sync socket was told to go, for clients to close their
 * connections, and then for each outside step (database, retention sweep); past it, it goes on.
 * @public
 */
export const SHUTDOWN_STEP_TIMEOUT_MS = 5_000

export interface BuildAppOptions {
  config: Config
  /** Fastify logger options; tests pass `false`. */
  logger?: FastifyServerOptions['logger']
  now?: () => number
}

export interface SafetyMapServer {
  app: FastifyInstance
  services: Services
}

/** Opens the stores and builds the fastify app with every plugin registered. */
export async function buildApp(options: BuildAppOptions): Promise<SafetyMapServer> {
  const { config } = options
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    trustProxy: config.publicUrl !== null,
    bodyLimit: 256 * 1024,
    routerOptions: { maxParamLength: 200 },
    // Fastify's 503 for requests arriving while it closes skips every hook, and so the websocket
    // plugin's, which ends an upgrade socket answered without an upgrade: that socket would stay
    // open and hold `close()` forever. Requests during the drain run as usual instead (with
    // `Connection: close`); the relay answers a sync upgrade with its retryable 1001. May go once
    // @fastify/websocket ends such sockets itself.
    return503OnClosing: false,
  })

  const connections = trackConnections(app.server)
  const stores = await openStores(config, {
    onIdleError: (err) => app.log.error({ err }, 'database connection failed while idle'),
    walCheckpoints: { onError: (err) => app.log.warn({ err }, 'WAL checkpoints moved back into commits') },
  })
  // With REDIS_URL, this is one of several instances: live updates, presence and revocations cross
  // between them. Loaded only then, so a single instance never holds ioredis in memory.
  const redisUrl = config.redisUrl
  const fanout = redisUrl
    ? await import('./relay/fanout/createRedisFanout.ts').then(({ createRedisFanout }) => createRedisFanout({ url: redisUrl, logger: app.log }))
    : null
  const meetingEvents = createMeetingEvents(fanout ? { shared: fanout } : {})
  const relay: Relay = createRelay({
    store: stores.docs,
    logger: app.log,
    // "Who's here" reads the shared map's peers: someone coming or going there (a phone back after
    // a finish or reopen, a dropped connection) refreshes the open rosters.
    onOnlineChanged: (docId) => {
      if (!isRestrictedDocId(docId)) meetingEvents.rosterChanged(docId)
    },
    ...(fanout ? { fanout, recheckPeer: (peer) => syncAccessChange(services, peer) } : {}),
  })
  const services: Services = {
    config,
    workers: stores.workers,
    sessions: stores.sessions,
    meetings: stores.meetings,
    relay,
    audit: stores.audit,
    journal: stores.journal,
    meetingEvents,
    mapSchema: createSafetyMapSchema().serialize(),
    now: options.now ?? Date.now,
  }

  // Retention runs on start and hourly; the relay deletes the doc so live sockets close first.
  const stopRetention = startRetention({
    meetings: services.meetings,
    sessions: services.sessions,
    audit: services.audit,
    journal: services.journal,
    deleteDoc: (meetingId) => relay.purgeMeeting(meetingId),
    now: services.now,
    retentionDays: config.retentionDays,
    logger: app.log,
  })

  // Set once the sync sockets were closed: `server.close()` waits for every connection, and one a
  // client keeps open (an unfinished request, a half-open socket) must not hold the shutdown.
  let drainTimer: NodeJS.Timeout | undefined
  const drainConnections = (): void => {
    drainTimer = setTimeout(() => {
      const ended = connections.destroyAll()
      if (ended > 0) app.log.warn({ connections: ended }, 'shutdown: ended connections still open after the drain period')
    }, SHUTDOWN_STEP_TIMEOUT_MS)
  }
  const stepTimedOut = (step: string) => () => app.log.warn({ step }, 'shutdown: a step did not finish in time; going on')

  app.addHook('onClose', async () => {
    clearTimeout(drainTimer)
    await settleWithin(stopRetention(), SHUTDOWN_STEP_TIMEOUT_MS, stepTimedOut('retention sweep'))
    await relay.close()
    await fanout?.close()
    await settleWithin(stores.close(), SHUTDOWN_STEP_TIMEOUT_MS, stepTimedOut('database'))
  })

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'SafetyMap API', version: '0.1.0', description: 'Meetings, invites and joining for SafetyMap.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A worker API key (`pnpm safetymap worker add`).' },
          session: { type: 'apiKey', in: 'cookie', name: 'sm_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  })
  await app.register(cookie)
  await app.register(websocket, {
    options: syncSocketOptions(MAX_MESSAGE_BYTES),
    // The plugin's default closes sync sockets with no code (1005); the relay flushes, then closes
    // them with its retryable 1001 RELAY_SHUTTING_DOWN and refuses upgrades from then on.
    preClose: async () => {
      await relay.close()
      app.websocketServer.close()
      drainConnections()
    },
  })
  await app.register(securityHeaders, services)
  await app.register(principalPlugin, services)
  await app.register(rateLimits, services)

  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }))
  await app.register(metricsPlugin, { relay })
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  await app.register(authRoutes, services)
  await app.register(meetingRoutes, services)
  await app.register(joinRoutes, services)
  await app.register(inviteRoutes, services)
  await app.register(participantRoutes, services)
  await app.register(canTalkRoute, services)
  await app.register(finalizeRoutes, services)
  await app.register(facilitatorRoutes, services)
  await app.register(apiKeyRoutes, services)
  await app.register(restrictedRoutes, services)
  await app.register(rosterEventsRoute, services)
  await app.register(earlierRatingsRoute, services)
  await app.register(syncRoute, services)
  await app.register(exportRoutes, services)
  await app.register(ratingRoutes, { services, store: stores.ratings })
  await app.register(journalRoutes, services)
  await app.register(webApp, services)
  return { app, services }
}
