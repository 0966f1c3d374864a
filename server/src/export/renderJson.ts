/**
 * Owns the JSON rendering: the export model as UTF-8 JSON following `docs/export-schema.json`.
 * The model is built with a fixed key order and carries no clock, so the same map version gives
 * byte-identical files.
 *
 * ```ts
 * const bytes = renderJson(model)
 * ```
 */
import type { CaseFileExport } from './CaseFileExport.ts'

/** The model as pretty-printed JSON with a trailing newline. */
export function renderJson(model: CaseFileExport): Buffer {
  return Buffer.from(`${JSON.stringify(model, null, 2)}\n`, 'utf8')
}
