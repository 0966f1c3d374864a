/**
 * Owns the decision "can this client work with the schema stored in the doc?" — a pure function
 * over our `StoreSchema` and the doc's `meta.schema` value (tldraw-notes §1.2 step 3, §1.4).
 *
 * ```ts
 * const verdict = checkDocSchema(store.schema, readDocSchemaValue(doc))
 * switch (verdict.kind) { case 'missing': ...; case 'client-too-old': ... }
 * ```
 */
import type { SerializedSchema, SerializedSchemaV2, StoreSchema } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'

/**
 * Outcome of comparing the doc's schema with ours.
 *
 * - `missing`: the doc has no schema yet (a new meeting); the first writer stores its own.
 * - `current`: no migrations needed.
 * - `needs-migration`: the doc is older; `migrationIds` lists what must run.
 * - `client-too-old`: the doc was written by a newer tldraw or SafetyMap build; this client must not
 *   write. Triggered when tldraw cannot find a path (`Incompatible schema?`) and also when the doc
 *   names a migration sequence we do not know at all (a record type added by a newer build).
 * - `invalid`: `meta.schema` is not a serialized schema.
 *
 * @public
 */
export type DocSchemaVerdict =
  | { readonly kind: 'missing' }
  | { readonly kind: 'current'; readonly docSchema: SerializedSchema }
  | {
      readonly kind: 'needs-migration'
      readonly docSchema: SerializedSchema
      readonly migrationIds: readonly string[]
    }
  | {
      readonly kind: 'client-too-old'
      readonly docSchema: SerializedSchema
      readonly unknownSequences: readonly string[]
    }
  | { readonly kind: 'invalid' }

/**
 * Compares the doc's `meta.schema` value with `schema`. Never throws.
 *
 * @public
 */
export function checkDocSchema(
  schema: StoreSchema<TLRecord, unknown>,
  docSchemaValue: unknown,
): DocSchemaVerdict {
  if (docSchemaValue === undefined || docSchemaValue === null) return { kind: 'missing' }
  if (!isSerializedSchema(docSchemaValue)) return { kind: 'invalid' }
  const docSchema = docSchemaValue

  const ours = schema.serialize()
  const unknownSequences =
    docSchema.schemaVersion === 2
      ? Object.keys(docSchema.sequences).filter((id) => !(id in ours.sequences))
      : []
  const migrations = schema.getMigrationsSince(docSchema)
  if (!migrations.ok || unknownSequences.length > 0) {
    return { kind: 'client-too-old', docSchema, unknownSequences }
  }
  if (migrations.value.length === 0) return { kind: 'current', docSchema }
  return {
    kind: 'needs-migration',
    docSchema,
    migrationIds: migrations.value.map((m) => m.id),
  }
}

function isSerializedSchema(value: unknown): value is SerializedSchema {
  if (typeof value !== 'object' || value === null) return false
  const v = value as { schemaVersion?: unknown; sequences?: unknown; recordVersions?: unknown }
  if (v.schemaVersion === 2) return isVersionTable(v.sequences)
  // Version 1 schemas come from tldraw 1.x/2.0-era docs; tldraw's own upgradeSchema reads them.
  if (v.schemaVersion === 1) return typeof v.recordVersions === 'object' && v.recordVersions !== null
  return false
}

function isVersionTable(value: unknown): value is SerializedSchemaV2['sequences'] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  return Object.values(value).every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)
}
