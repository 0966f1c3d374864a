/**
 * Owns what a store binding does about the doc's `meta.schema` (tldraw-notes §1.2 steps 3 and 6,
 * §1.4): write ours into an empty doc, migrate an older doc with `migrateStoreSnapshot` and write
 * the records and our schema back in one transaction, or report that this client is too old.
 * The verdict itself comes from the pure {@link checkDocSchema}.
 *
 * ```ts
 * const { schema, migrated } = reconcileDocSchema({ store, doc, kv, meta, origin, writable: true })
 * if (migrated) loadIntoStore(migrated)
 * ```
 */
import type { TLRecord, TLStore } from '@tldraw/tlschema'
import { isEqual } from '@tldraw/utils'
import type { YKeyValue } from 'y-utility/y-keyvalue'
import type * as Y from 'yjs'
import { checkDocSchema } from './checkDocSchema.ts'
import { META_SCHEMA_KEY, readDocSchemaValue, readRecordValues } from './docLayout.ts'
import type { StoreOrigin } from './origins.ts'

/**
 * Where the binding stands with the doc's schema.
 *
 * @public
 */
export const SCHEMA_STATUS = {
  /** The doc has not synced yet; nothing loaded. */
  pending: 'pending',
  /** The doc's schema equals ours. */
  current: 'current',
  /** The doc had no schema; we wrote ours. */
  initialized: 'initialized',
  /** The doc was older; we migrated its records and wrote them back with our schema. */
  migrated: 'migrated',
  /** The doc has no schema and this client is read-only, so it could not write one. */
  missing: 'missing',
  /** The doc is older and this client is read-only: records were migrated in memory only. */
  docOutdated: 'doc-outdated',
  /** The doc was written by a newer build. Read-only; the user should reload. */
  clientTooOld: 'client-too-old',
  /** Migrating the doc threw. Read-only. */
  migrationFailed: 'migration-failed',
  /** `meta.schema` is not a serialized tldraw schema. Read-only. */
  invalid: 'invalid',
} as const

/** @public */
export type SchemaStatus = (typeof SCHEMA_STATUS)[keyof typeof SCHEMA_STATUS]

/** Statuses that force read-only. @internal */
export const BLOCKING_SCHEMA_STATUSES: ReadonlySet<SchemaStatus> = new Set([
  SCHEMA_STATUS.clientTooOld,
  SCHEMA_STATUS.migrationFailed,
  SCHEMA_STATUS.invalid,
])

/** @public */
export interface ReconcileDocSchemaOptions {
  readonly store: TLStore
  readonly doc: Y.Doc
  readonly kv: YKeyValue<TLRecord>
  readonly meta: Y.Map<unknown>
  /** Origin for the schema and migration writes. */
  readonly origin: StoreOrigin
  /** False for read-only clients: nothing is written; an older doc is migrated in memory only. */
  readonly writable: boolean
}

/** @public */
export interface ReconcileDocSchemaResult {
  readonly schema: SchemaStatus
  /** When records were migrated: all of them, to load into the store (written back if writable). */
  readonly migrated?: ReadonlyMap<string, unknown>
}

/**
 * Checks `meta.schema` and acts on it. See the module comment.
 *
 * @public
 */
export function reconcileDocSchema(options: ReconcileDocSchemaOptions): ReconcileDocSchemaResult {
  const { store, doc, kv, meta, origin, writable } = options
  const verdict = checkDocSchema(store.schema, readDocSchemaValue(doc))
  switch (verdict.kind) {
    case 'missing':
      if (!writable) return { schema: SCHEMA_STATUS.missing }
      doc.transact(() => meta.set(META_SCHEMA_KEY, store.schema.serialize()), origin)
      return { schema: SCHEMA_STATUS.initialized }
    case 'current':
      return { schema: SCHEMA_STATUS.current }
    case 'client-too-old':
      return { schema: SCHEMA_STATUS.clientTooOld }
    case 'invalid':
      return { schema: SCHEMA_STATUS.invalid }
    case 'needs-migration': {
      const before = readRecordValues(kv)
      const result = store.schema.migrateStoreSnapshot({
        schema: verdict.docSchema,
        store: Object.fromEntries(before) as Record<TLRecord['id'], TLRecord>,
      })
      if (result.type !== 'success') return { schema: SCHEMA_STATUS.migrationFailed }
      const after = new Map<string, unknown>(Object.entries(result.value))
      if (!writable) return { schema: SCHEMA_STATUS.docOutdated, migrated: after }
      // Records and schema in one transaction, so no peer sees new-shape records under the old
      // schema (tldraw-notes §1.4).
      doc.transact(() => {
        for (const [id, record] of after) {
          if (!isEqual(before.get(id), record)) kv.set(id, record as TLRecord)
        }
        for (const id of before.keys()) if (!after.has(id)) kv.delete(id)
        meta.set(META_SCHEMA_KEY, store.schema.serialize())
      }, origin)
      return { schema: SCHEMA_STATUS.migrated, migrated: after }
    }
    default:
      throw unexpectedVerdict(verdict)
  }
}

// tldraw's exhaustiveSwitchError is internal in 5.4.2 (stripped from its .d.ts).
function unexpectedVerdict(verdict: never): Error {
  return new Error(`Unexpected schema verdict ${JSON.stringify(verdict)}`)
}
