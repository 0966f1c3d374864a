/**
 * Which words go under an item someone disagrees with (MM-25), so the verb agrees with how many
 * people are named: "Does not agree: Jess", "Do not agree: Jess, Sam", "You do not agree",
 * "You and Jess do not agree", or, with names hidden for a projector, "1 person does not agree".
 * Returns a key of the web app's message catalogue and its values; the board, the live list and
 * the server-rendered list translate it alike.
 *
 * ```ts
 * const { key, vars } = disagreementMessage({ names: ['Jess'], includesYou: true })
 * t(key, vars) // 'You and Jess do not agree'
 * ```
 */

/** The others who disagree (and whether the reader does too), or only how many disagree. @public */
export type DisagreementWho = { readonly names: readonly string[]; readonly includesYou?: boolean } | { readonly count: number }

/** @public */
export type DisagreementMessage =
  | { readonly key: 'toolkit.disagree.by' | 'toolkit.disagree.byMany' | 'toolkit.disagree.youAnd'; readonly vars: { readonly names: string } }
  | { readonly key: 'toolkit.disagree.count'; readonly vars: { readonly count: number } }
  | { readonly key: 'toolkit.disagree.you' | 'toolkit.disagree.countOne'; readonly vars: Readonly<Record<string, never>> }

/** @public */
export function disagreementMessage(who: DisagreementWho): DisagreementMessage {
  if ('count' in who) return who.count === 1 ? { key: 'toolkit.disagree.countOne', vars: {} } : { key: 'toolkit.disagree.count', vars: { count: who.count } }
  const names = who.names.join(', ')
  if (who.includesYou) return names ? { key: 'toolkit.disagree.youAnd', vars: { names } } : { key: 'toolkit.disagree.you', vars: {} }
  return { key: who.names.length === 1 ? 'toolkit.disagree.by' : 'toolkit.disagree.byMany', vars: { names } }
}
