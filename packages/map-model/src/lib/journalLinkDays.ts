/**
 * How many days a journal link works (a link for one person to write in the safety journal
 * between meetings): the default and the bounds, one list for the server (validation) and the
 * web app (the invite form).
 *
 * ```ts
 * const days = request.body.days ?? JOURNAL_LINK_DAYS.default
 * ```
 * @public
 */
export const JOURNAL_LINK_DAYS = { default: 30, min: 1, max: 90 } as const
