/**
 * Owns the React side of the binding: one `TLStore` per doc, wired to the doc
 * ({@link bindStoreToYDoc}) and to awareness ({@link bindPresence}), with tldraw's v5
 * `collaboration` signals (people menu, offline indicator, read-only mode) and our participant as
 * tldraw's current user. Everything is disposed on unmount or when `doc` changes.
 *
 * ```tsx
 * const { storeWithStatus, schemaStatus } = useYjsStore({
 *   doc, awareness: provider.awareness, synced, connectionStatus,
 *   user: { id, name, color }, readonly: role === 'viewer', shapeUtils, bindingUtils,
 * })
 * return <Tldraw store={storeWithStatus} shapeUtils={shapeUtils} bindingUtils={bindingUtils} />
 * ```
 *
 * `shapeUtils`, `bindingUtils` and `assets` must be stable (module constants or memoised): a new
 * array rebuilds the store.
 */
import { atom } from '@tldraw/state'
import type { TLAssetStore, TLUser } from '@tldraw/tlschema'
import { isEqual } from '@tldraw/utils'
import { useEffect, useMemo, useRef, useState } from 'react'
import {
  type TLAnyBindingUtilConstructor,
  type TLAnyShapeUtilConstructor,
  type TLStore,
  type TLStoreWithStatus,
  createTLStore,
} from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { createTLUserFromParticipant } from './awarenessUser.ts'
import { bindPresence } from './bindPresence.ts'
import { type YjsStoreBinding, type YjsStoreBindingState, bindStoreToYDoc } from './bindStoreToYDoc.ts'
import { SCHEMA_STATUS, type SchemaStatus } from './reconcileDocSchema.ts'
import type { InvalidRecordReport } from './validateRemoteRecord.ts'

/** @public */
export interface UseYjsStoreOptions {
  readonly doc: Y.Doc
  /** The provider's awareness; without it no presence is exchanged. */
  readonly awareness?: Awareness | null
  /** True once the provider has reported its first `'sync'` with `true`. */
  readonly synced: boolean
  /** From the provider's `'status'` events; drives tldraw's offline indicator. Defaults from `synced`. */
  readonly connectionStatus?: 'online' | 'offline'
  /** Our participant; becomes tldraw's current user `user:<id>`. */
  readonly user: { readonly id: string; readonly name: string; readonly color: string }
  /** Viewers: never write to the doc, and tldraw's editor goes read-only. */
  readonly readonly?: boolean
  /** Default tldraw shapes plus ours. Must be stable. */
  readonly shapeUtils?: readonly TLAnyShapeUtilConstructor[]
  /** Must be stable. */
  readonly bindingUtils?: readonly TLAnyBindingUtilConstructor[]
  /** Where images go. Defaults to tldraw's inline base64 store, which puts images in the doc. */
  readonly assets?: TLAssetStore
  readonly onInvalidRecord?: (report: InvalidRecordReport) => void
}

/** @public */
export interface UseYjsStoreResult {
  /** `loading` until the doc has synced and loaded, then `synced-remote`. Pass to `<Tldraw store>`. */
  readonly storeWithStatus: TLStoreWithStatus
  readonly schemaStatus: SchemaStatus
  /** True when this client does not write: asked for, or the doc is newer than this build. */
  readonly readonly: boolean
}

interface Session {
  readonly store: TLStore
  readonly binding: YjsStoreBinding
}

const INITIAL_STATE: YjsStoreBindingState = {
  loaded: false,
  schema: SCHEMA_STATUS.pending,
  readonly: false,
}

/**
 * Creates and binds a tldraw store for one meeting doc. See the module comment.
 *
 * @public
 */
export function useYjsStore(options: UseYjsStoreOptions): UseYjsStoreResult {
  const { doc, awareness, synced, user, shapeUtils, bindingUtils, assets } = options
  const readonly = options.readonly === true
  const connectionStatus = options.connectionStatus ?? (synced ? 'online' : 'offline')

  const [$user] = useState(() =>
    atom<TLUser | null>('tldraw-yjs current user', createTLUserFromParticipant(user), { isEqual }),
  )
  const [$status] = useState(() => atom<'online' | 'offline'>('tldraw-yjs status', connectionStatus))
  const [$mode] = useState(() =>
    atom<'readonly' | 'readwrite'>('tldraw-yjs mode', readonly ? 'readonly' : 'readwrite'),
  )
  const latest = useRef({ synced, readonly, onInvalidRecord: options.onInvalidRecord })
  latest.current = { synced, readonly, onInvalidRecord: options.onInvalidRecord }

  const [session, setSession] = useState<Session | null>(null)
  const [bindingState, setBindingState] = useState<YjsStoreBindingState>(INITIAL_STATE)

  useEffect(() => {
    $user.set(createTLUserFromParticipant({ id: user.id, name: user.name, color: user.color }))
  }, [$user, user.id, user.name, user.color])

  useEffect(() => {
    $status.set(connectionStatus)
  }, [$status, connectionStatus])

  // Declared before the store effect so React runs its cleanup first: presence is torn down
  // while its store is still alive. Started only once loaded (see bindPresence's module comment).
  const loaded = bindingState.loaded
  useEffect(() => {
    if (!session || !awareness || !loaded) return
    const presence = bindPresence({ store: session.store, awareness, user: $user })
    return () => presence.dispose()
  }, [session, awareness, loaded, $user])

  useEffect(() => {
    const store = createTLStore({
      shapeUtils,
      bindingUtils,
      ...(assets ? { assets } : {}),
      users: { currentUser: $user },
      collaboration: { status: $status, mode: $mode },
    })
    const binding = bindStoreToYDoc({
      store,
      doc,
      synced: latest.current.synced,
      readonly: latest.current.readonly,
      onInvalidRecord: (report) => latest.current.onInvalidRecord?.(report),
      onStateChange: setBindingState,
    })
    setBindingState(binding.getState())
    setSession({ store, binding })
    return () => {
      binding.dispose()
      store.dispose()
      setSession(null)
      setBindingState(INITIAL_STATE)
    }
  }, [doc, shapeUtils, bindingUtils, assets, $user, $status, $mode])

  useEffect(() => {
    if (synced) session?.binding.markSynced()
  }, [session, synced])

  useEffect(() => {
    session?.binding.setReadonly(readonly)
  }, [session, readonly])

  useEffect(() => {
    $mode.set(bindingState.readonly || readonly ? 'readonly' : 'readwrite')
  }, [$mode, bindingState.readonly, readonly])

  const storeWithStatus = useMemo<TLStoreWithStatus>(
    () =>
      session && loaded
        ? { status: 'synced-remote', connectionStatus, store: session.store }
        : { status: 'loading' },
    [session, loaded, connectionStatus],
  )

  return {
    storeWithStatus,
    schemaStatus: bindingState.schema,
    readonly: bindingState.readonly || readonly,
  }
}
