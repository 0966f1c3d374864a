/**
 * Test support for the relay (never imported by production code): a bare `http` + `ws` server on
 * port 0 (not fastify) around a real relay and a real SQLite file, stock y-websocket providers and
 * raw `ws` clients for hostile input, and the small helpers every relay test needs.
 *
 * ```ts
 * const h = new RelayHarness(); await h.start()
 * const a = h.provider('m1', 'p-a'); await synced(a)
 * await h.dispose()
 * ```
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Database } from 'better-sqlite3'
import * as encoding from 'lib0/encoding'
import { WebSocket, WebSocketServer } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { createSqliteDocStore, openDatabase, type DocStore } from '../../storage/index.ts'
import { MAX_MESSAGE_BYTES, createRelay, type Relay, type RelayFanout, type RelayLimits, type RelayLogger, type RelayOptions } from '../index.ts'

export type Role = 'facilitator' | 'editor' | 'viewer'

/** Polls `check` until it holds; every wait has a deadline. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export interface LogRecord {
  level: string
  fields: object
  message: string | undefined
}

export function recordingLogger(records: LogRecord[]): RelayLogger {
  const at = (level: string) => (fields: object, message?: string) => void records.push({ level, fields, message })
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}

export const syncUpdateFrame = (update: Uint8Array): Uint8Array => {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, 2)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

export const notesOf = (state: Uint8Array | undefined): Record<string, unknown> => {
  const doc = new Y.Doc()
  if (state) Y.applyUpdate(doc, state)
  return doc.getMap('notes').toJSON()
}

export class RelayHarness {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-relay-'))
  readonly file = path.join(this.dir, 'safetymap.db')
  readonly logs: LogRecord[] = []
  db: Database = openDatabase(this.file)
  store: DocStore = createSqliteDocStore(this.db)
  relay!: Relay
  server!: http.Server
  wss!: WebSocketServer
  url = ''
  private readonly providers: WebsocketProvider[] = []
  private readonly raws: WebSocket[] = []

  async start(options: { limits?: Partial<RelayLimits>; store?: DocStore; fanout?: RelayFanout; recheckPeer?: RelayOptions['recheckPeer']; onOnlineChanged?: RelayOptions['onOnlineChanged'] } = {}): Promise<void> {
    this.relay = createRelay({
      store: options.store ?? this.store,
      logger: recordingLogger(this.logs),
      limits: options.limits ?? {},
      ...(options.fanout ? { fanout: options.fanout } : {}),
      ...(options.recheckPeer ? { recheckPeer: options.recheckPeer } : {}),
      ...(options.onOnlineChanged ? { onOnlineChanged: options.onOnlineChanged } : {}),
    })
    this.server = http.createServer()
    this.wss = new WebSocketServer({ server: this.server, maxPayload: MAX_MESSAGE_BYTES })
    this.wss.on('error', () => {})
    this.wss.on('connection', (ws, request) => {
      const url = new URL(request.url ?? '/', 'http://localhost')
      this.relay.acceptWebSocket(ws, {
        meetingId: url.pathname.slice(1),
        participantId: url.searchParams.get('participant') ?? 'anon',
        role: (url.searchParams.get('role') ?? 'editor') as Role,
        ...(url.searchParams.has('epoch') ? { knownEpoch: url.searchParams.get('epoch')! } : {}),
      })
    })
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    this.url = `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async restart(options: { limits?: Partial<RelayLimits> } = {}): Promise<void> {
    await this.stopServer()
    await this.start(options)
  }

  provider(meetingId: string, participant: string, role: Role = 'editor', doc = new Y.Doc()): WebsocketProvider {
    const provider = new WebsocketProvider(this.url, meetingId, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: { participant, role },
      disableBc: true,
    })
    this.providers.push(provider)
    return provider
  }

  async raw(meetingId: string, participant = 'raw', role: Role = 'editor', wsOptions: object = {}): Promise<RawClient> {
    const ws = new WebSocket(`${this.url}/${meetingId}?participant=${participant}&role=${role}`, wsOptions) as RawClient
    ws.on('error', () => {})
    // Frames can arrive in the same chunk as the upgrade response: listen before 'open'.
    ws.frames = []
    ws.on('message', (data: Buffer) => ws.frames.push(new Uint8Array(data)))
    ws.closeCode = new Promise((resolve) => ws.on('close', (code) => resolve(code)))
    this.raws.push(ws)
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('close', () => reject(new Error('closed before open')))
    })
    return ws
  }

  async stopServer(): Promise<void> {
    for (const provider of this.providers.splice(0)) provider.destroy()
    for (const ws of this.raws.splice(0)) ws.terminate()
    await this.relay.close()
    for (const client of this.wss.clients) client.terminate()
    await new Promise<void>((resolve) => this.wss.close(() => resolve()))
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  async dispose(): Promise<void> {
    await this.stopServer()
    this.db.close()
    fs.rmSync(this.dir, { recursive: true, force: true })
  }

  async stored(meetingId: string): Promise<Record<string, unknown>> {
    const loaded = await this.store.load(meetingId)
    if (!loaded.ok) throw new Error(loaded.error.code)
    return notesOf(loaded.value?.state)
  }

  rows(meetingId: string): { updates: number; snapshots: number } {
    const count = (table: string) =>
      (this.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE doc_id = ?`).get(meetingId) as { n: number }).n
    return { updates: count('doc_updates'), snapshots: count('doc_snapshots') }
  }
}

export type RawClient = WebSocket & { closeCode: Promise<number>; frames: Uint8Array[] }

export const synced = (provider: WebsocketProvider) => waitFor(() => provider.synced, 'provider sync')
