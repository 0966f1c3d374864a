/**
 * The logger the relay writes to: the subset of pino's API it uses, so fastify's `app.log` (or
 * any pino child) can be passed as is, and tests can pass a recording fake.
 *
 * Rule for every call site: the object holds ids, codes and counts only — never participant
 * names, awareness states or map text.
 */

/** A pino-compatible log method: fields (or an error) first, short message second. @public */
export type RelayLogFn = (fields: object, message?: string) => void

/** @public */
export interface RelayLogger {
  debug: RelayLogFn
  info: RelayLogFn
  warn: RelayLogFn
  error: RelayLogFn
}
