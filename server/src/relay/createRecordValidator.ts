/**
 * Whether a value may be stored as a record of a meeting: a document-scope record (map-model
 * MM-3) of a type the pinned tldraw schema knows, accepted by that type's validators. tldraw's
 * validators run in Node; they throw on the first bad field, which this turns into `false`.
 *
 * ```ts
 * const isValidRecord = createRecordValidator(createSafetyMapSchema())
 * isValidRecord({ id: 'shape:x', typeName: 'shape', … })   // true / false
 * ```
 */
import type { createSafetyMapSchema } from '@safetymap/map-model/schema'

type TLSchema = ReturnType<typeof createSafetyMapSchema>

/** @public */
export function createRecordValidator(schema: TLSchema): (value: unknown) => boolean {
  const types = schema.types as Record<string, { scope: string; validate(record: unknown): unknown } | undefined>
  return (value) => {
    if (typeof value !== 'object' || value === null) return false
    const typeName = (value as { typeName?: unknown }).typeName
    if (typeof typeName !== 'string' || !Object.hasOwn(types, typeName)) return false
    const type = types[typeName]
    if (!type || type.scope !== 'document') return false
    try {
      type.validate(value)
      return true
    } catch {
      return false
    }
  }
}
