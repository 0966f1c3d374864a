/**
 * Owns the errors this package throws. They signal a caller's bug (an unknown section key from
 * untyped code, a doc without its template), never an expected outcome, so they throw.
 *
 * ```ts
 * try { addItem(doc, 'harm', text, author) } catch (e) {
 *   if (e instanceof MapModelError && e.code === 'MAP_ZONE_MISSING') ...
 * }
 * ```
 */

/** Error codes and their message templates. @public */
export const MAP_MODEL_ERRORS = {
  MAP_UNKNOWN_SECTION: 'Unknown section key',
  MAP_INVALID_ITEM_ID: 'An item id must start with "shape:"',
  MAP_ZONE_MISSING: 'The doc has no zone for this section; write the template first',
  MAP_UNKNOWN_TEMPLATE: 'Unknown template id',
  MAP_INVALID_PLACEMENT_ID: 'A placement id is 1 to 32 letters and digits',
  MAP_PARENT_CONSENT_REQUIRED: 'Three Houses needs a parent’s consent recorded first',
  MAP_WORKERS_ONLY_SECTION: 'This box is for the workers only: write its notes into the workers-only doc with addPrivateNote',
} as const

/** A stable error code of this package. @public */
export type MapModelErrorCode = keyof typeof MAP_MODEL_ERRORS

/** An error of this package, carrying a stable {@link MapModelErrorCode}. @public */
export class MapModelError extends Error {
  readonly code: MapModelErrorCode

  constructor(code: MapModelErrorCode) {
    super(`${code}: ${MAP_MODEL_ERRORS[code]}`)
    this.name = 'MapModelError'
    this.code = code
  }
}
