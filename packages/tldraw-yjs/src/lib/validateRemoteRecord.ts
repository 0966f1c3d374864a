/**
 * Owns the per-record gate for records arriving from other peers: shape checks, scope checks and
 * tldraw's own validator, one record at a time, so one bad record is reported and skipped instead
 * of rolling back a whole `mergeRemoteChanges` batch (tldraw-notes pitfall 8).
 *
 * ```ts
 * const result = validateRemoteRecord(store, key, value)
 * if (result.ok) puts.push(result.record)
 * else onInvalidRecord(result.report)
 * ```
 */
import type { TLRecord, TLStore } from '@tldraw/tlschema'

/**
 * Why a remote record was not applied.
 *
 * @public
 */
export const INVALID_RECORD_REASON = {
  /** The value is not an object with string `id` and `typeName`. */
  notARecord: 'not-a-record',
  /** The entry key differs from the record's `id`. */
  keyMismatch: 'key-mismatch',
  /** Our schema has no such record type. */
  unknownType: 'unknown-type',
  /** A session or presence record turned up in the doc; only `document` scope belongs there. */
  notDocumentScope: 'not-document-scope',
  /** tldraw's validator rejected it (wrong or extra props, bad ids...). */
  validationFailed: 'validation-failed',
  /** It validated alone but the store threw when it was applied. */
  storeRejected: 'store-rejected',
} as const

/** @public */
export type InvalidRecordReason = (typeof INVALID_RECORD_REASON)[keyof typeof INVALID_RECORD_REASON]

/**
 * A skipped remote record. `message` comes from tldraw's validator and names the field path; it
 * can quote the offending value, so log `id` and `reason`, not `message`, where map text must not
 * leak.
 *
 * @public
 */
export interface InvalidRecordReport {
  readonly id: string
  readonly reason: InvalidRecordReason
  readonly message: string
}

/**
 * Result of {@link validateRemoteRecord}.
 *
 * @public
 */
export type RemoteRecordResult =
  | { readonly ok: true; readonly record: TLRecord }
  | { readonly ok: false; readonly report: InvalidRecordReport }

/**
 * Checks one incoming doc entry against the local store's schema. Never throws.
 *
 * @public
 */
export function validateRemoteRecord(
  store: TLStore,
  key: string,
  value: unknown,
): RemoteRecordResult {
  const fail = (reason: InvalidRecordReason, message: string): RemoteRecordResult => ({
    ok: false,
    report: { id: key, reason, message },
  })
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(INVALID_RECORD_REASON.notARecord, 'Expected a record object')
  }
  const candidate = value as { id?: unknown; typeName?: unknown }
  if (typeof candidate.id !== 'string' || typeof candidate.typeName !== 'string') {
    return fail(INVALID_RECORD_REASON.notARecord, 'Expected string id and typeName')
  }
  if (candidate.id !== key) {
    return fail(INVALID_RECORD_REASON.keyMismatch, 'Entry key does not match record id')
  }
  const recordType = Object.hasOwn(store.schema.types, candidate.typeName)
    ? store.schema.types[candidate.typeName as TLRecord['typeName']]
    : undefined
  if (!recordType) {
    return fail(INVALID_RECORD_REASON.unknownType, `Unknown record type ${candidate.typeName}`)
  }
  if (recordType.scope !== 'document') {
    return fail(
      INVALID_RECORD_REASON.notDocumentScope,
      `Record type ${candidate.typeName} has scope ${recordType.scope}`,
    )
  }
  const record = value as TLRecord
  const previous = store.get(record.id) ?? null
  try {
    const validated = store.schema.validateRecord(
      store,
      record,
      previous ? 'updateRecord' : 'createRecord',
      previous,
    )
    return { ok: true, record: validated }
  } catch (error) {
    return fail(INVALID_RECORD_REASON.validationFailed, errorMessage(error))
  }
}

/** @internal */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
