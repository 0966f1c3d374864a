/**
 * Owns live presence (cursors, selections, viewports) between tldraw and Yjs awareness
 * (tldraw-notes §1.2 step 7). Presence never enters the doc (MM-3).
 *
 * - Out: `createPresenceStateDerivation(user, { instanceId })` with instance id
 *   `instance_presence:<awareness clientID>`, published into the awareness field `presence` at
 *   most {@link PRESENCE_PUBLISH_FPS} times a second, tagged with our `instance_presence`
 *   migration version so peers on other versions can migrate or drop it.
 * - In: each peer's `presence` is validated on its own, re-keyed to that peer's client id (a peer
 *   cannot overwrite another's cursor), and put with `store.mergeRemoteChanges`. It is removed
 *   when the peer clears it or its awareness state goes away (disconnect or the 30 s timeout).
 *
 * ```ts
 * const presence = bindPresence({ store, awareness: provider.awareness, user: $currentUser })
 * presence.dispose()
 * ```
 *
 * Start it after the doc binding has loaded: merging remote presence into an empty store makes
 * tldraw create default pages, which the doc binding would then have to replace.
 */
import type { Signal } from '@tldraw/state'
import { react } from '@tldraw/state'
import type { SerializedSchemaV2 } from '@tldraw/store'
import {
  InstancePresenceRecordType,
  type TLInstancePresence,
  type TLRecord,
  type TLStore,
  type TLUser,
  createPresenceStateDerivation,
} from '@tldraw/tlschema'
import type { Awareness } from 'y-protocols/awareness'
import { errorMessage } from './validateRemoteRecord.ts'

/** Awareness state field that holds {@link AwarenessPresence}. @public */
export const AWARENESS_PRESENCE_FIELD = 'presence'

/** Local presence is published at most this many times a second. @public */
export const PRESENCE_PUBLISH_FPS = 30

/** Minimum gap between two presence publications, from {@link PRESENCE_PUBLISH_FPS}. @public */
export const PRESENCE_PUBLISH_INTERVAL_MS = Math.ceil(1000 / PRESENCE_PUBLISH_FPS)

/**
 * Most remote presence records kept in the store at once. Peers beyond it are not shown; a
 * meeting has far fewer, so reaching it means something is wrong.
 *
 * @public
 */
export const MAX_REMOTE_PRESENCES = 100

/** tldraw's migration sequence for presence records. */
const PRESENCE_SEQUENCE_ID = 'com.tldraw.instance_presence'

/**
 * The value of the awareness `presence` field.
 *
 * @public
 */
export interface AwarenessPresence {
  /** The sender's `com.tldraw.instance_presence` migration version. */
  readonly version: number
  readonly record: TLInstancePresence
}

/**
 * A peer presence that was not shown. `message` may quote the offending value.
 *
 * @public
 */
export interface InvalidPresenceReport {
  readonly clientId: number
  readonly reason: 'malformed' | 'version-too-new' | 'migration-failed' | 'validation-failed'
  readonly message: string
}

/** @public */
export interface BindPresenceOptions {
  readonly store: TLStore
  readonly awareness: Awareness
  /** The local tldraw user (see `createTLUserFromParticipant`); `null` publishes no presence. */
  readonly user: Signal<TLUser | null>
  readonly onInvalidPresence?: (report: InvalidPresenceReport) => void
}

/** @public */
export interface PresenceBinding {
  /** Our own presence record id, `instance_presence:<awareness.clientID>`. */
  readonly instanceId: TLInstancePresence['id']
  /** Stops publishing, clears our `presence` field and removes the peers' records from the store. */
  dispose(): void
}

/**
 * Binds tldraw presence to `awareness`. See the module comment.
 *
 * @public
 */
export function bindPresence(options: BindPresenceOptions): PresenceBinding {
  const { store, awareness } = options
  const instanceId = InstancePresenceRecordType.createId(String(awareness.clientID))
  const $presence = createPresenceStateDerivation(options.user, { instanceId })(store)
  const ourSchema = store.schema.serialize()
  const ourVersion = ourSchema.sequences[PRESENCE_SEQUENCE_ID] ?? 0
  const report = (r: InvalidPresenceReport) => options.onInvalidPresence?.(r)
  const shown = new Set<TLInstancePresence['id']>()
  let disposed = false

  // ---- out -------------------------------------------------------------------------------

  let latest: TLInstancePresence | null = null
  let publishTimer: ReturnType<typeof setTimeout> | undefined
  let lastPublishedAt = Number.NEGATIVE_INFINITY

  function publish() {
    publishTimer = undefined
    if (disposed) return
    lastPublishedAt = Date.now()
    const value: AwarenessPresence | null = latest ? { version: ourVersion, record: latest } : null
    awareness.setLocalStateField(AWARENESS_PRESENCE_FIELD, value)
  }

  // Publishing is always deferred to a timer, never done inside the reaction: awareness listeners
  // run synchronously and may touch other stores, which must not happen while @tldraw/state is
  // capturing this effect's dependencies (it corrupts the effect's parent list).
  const stopReacting = react('tldraw-yjs presence', () => {
    latest = $presence.get()
    if (publishTimer !== undefined) return
    const wait = Math.max(0, lastPublishedAt + PRESENCE_PUBLISH_INTERVAL_MS - Date.now())
    publishTimer = setTimeout(publish, wait)
  })

  // ---- in --------------------------------------------------------------------------------

  const schemaByVersion = new Map<number, SerializedSchemaV2>()
  function schemaWithPresenceVersion(version: number): SerializedSchemaV2 {
    let schema = schemaByVersion.get(version)
    if (!schema) {
      schema = { ...ourSchema, sequences: { ...ourSchema.sequences, [PRESENCE_SEQUENCE_ID]: version } }
      schemaByVersion.set(version, schema)
    }
    return schema
  }

  /** The peer's presence as a valid local record, `null` when it has none, `undefined` if bad. */
  function readRemotePresence(clientId: number, state: unknown): TLInstancePresence | null | undefined {
    if (typeof state !== 'object' || state === null) return null
    const value = (state as Record<string, unknown>)[AWARENESS_PRESENCE_FIELD]
    if (value === undefined || value === null) return null
    const { version, record } = value as { version?: unknown; record?: unknown }
    if (typeof version !== 'number' || typeof record !== 'object' || record === null) {
      report({ clientId, reason: 'malformed', message: 'Expected { version, record }' })
      return undefined
    }
    let candidate = {
      ...(record as TLInstancePresence),
      id: InstancePresenceRecordType.createId(String(clientId)),
    }
    if (version > ourVersion) {
      report({ clientId, reason: 'version-too-new', message: `Presence version ${version}` })
      return undefined
    }
    if (version < ourVersion) {
      const migrated = store.schema.migratePersistedRecord(
        candidate,
        schemaWithPresenceVersion(version),
        'up',
      )
      if (migrated.type !== 'success') {
        report({ clientId, reason: 'migration-failed', message: migrated.reason })
        return undefined
      }
      candidate = migrated.value as TLInstancePresence
    }
    try {
      const previous = store.get(candidate.id) ?? null
      return store.schema.validateRecord(
        store,
        candidate,
        previous ? 'updateRecord' : 'createRecord',
        previous,
      ) as TLInstancePresence
    } catch (error) {
      report({ clientId, reason: 'validation-failed', message: errorMessage(error) })
      return undefined
    }
  }

  function applyPeers(changedClientIds: Iterable<number>, removedClientIds: Iterable<number>) {
    const puts: TLInstancePresence[] = []
    const removals: TLInstancePresence['id'][] = []
    const states = awareness.getStates()
    for (const clientId of changedClientIds) {
      if (clientId === awareness.clientID) continue
      const id = InstancePresenceRecordType.createId(String(clientId))
      const record = readRemotePresence(clientId, states.get(clientId))
      if (record) {
        if (!shown.has(id) && shown.size + puts.length >= MAX_REMOTE_PRESENCES) continue
        puts.push(record)
      } else if (record === null && shown.has(id)) {
        removals.push(id)
      }
    }
    for (const clientId of removedClientIds) {
      const id = InstancePresenceRecordType.createId(String(clientId))
      if (shown.has(id)) removals.push(id)
    }
    if (puts.length === 0 && removals.length === 0) return
    mergeIntoStore(puts, removals)
  }

  function mergeIntoStore(puts: TLInstancePresence[], removals: TLInstancePresence['id'][]) {
    try {
      store.mergeRemoteChanges(() => {
        if (removals.length > 0) store.remove(removals)
        if (puts.length > 0) store.put(puts as TLRecord[])
      })
      for (const id of removals) shown.delete(id)
      for (const record of puts) shown.add(record.id)
    } catch {
      // Each record validated alone; apply one by one so a store-level failure costs one peer.
      for (const id of removals) {
        tryMerge(() => store.remove([id]))
        shown.delete(id)
      }
      for (const record of puts) {
        if (tryMerge(() => store.put([record]))) shown.add(record.id)
      }
    }
  }

  function tryMerge(fn: () => void): boolean {
    try {
      store.mergeRemoteChanges(fn)
      return true
    } catch {
      return false
    }
  }

  const onAwarenessChange = (changes: { added: number[]; updated: number[]; removed: number[] }) => {
    if (disposed) return
    applyPeers([...changes.added, ...changes.updated], changes.removed)
  }

  awareness.on('change', onAwarenessChange)
  applyPeers(awareness.getStates().keys(), [])

  return {
    instanceId,
    dispose() {
      if (disposed) return
      disposed = true
      stopReacting()
      if (publishTimer !== undefined) clearTimeout(publishTimer)
      awareness.off('change', onAwarenessChange)
      awareness.setLocalStateField(AWARENESS_PRESENCE_FIELD, null)
      const ids = [...shown]
      shown.clear()
      if (ids.length > 0) tryMerge(() => store.remove(ids))
    },
  }
}
