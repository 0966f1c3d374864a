/**
 * The words under an item someone disagrees with (map-model MM-25), with the verb agreeing with how
 * many people it names: "Does not agree: Jess", "Do not agree: Jess, Sam", "You do not agree",
 * "You and Jess do not agree", or, with names hidden for a projector, "1 person does not agree".
 *
 *   disagreementText(t, { names: ['Jess'], includesYou: true })  // 'You and Jess do not agree'
 *   disagreementText(t, { count: 3 })                             // '3 do not agree'
 */
import type { MessageKey } from './messages.ts'
import type { MessageVars } from './translate.ts'

type Translate = (key: MessageKey, vars?: MessageVars) => string

/** `names`: the others who disagree; `includesYou`: the person at this screen does too. Or only a `count`. */
export type DisagreementWho = { readonly names: readonly string[]; readonly includesYou?: boolean } | { readonly count: number }

export function disagreementText(t: Translate, who: DisagreementWho): string {
  if ('count' in who) return who.count === 1 ? t('toolkit.disagree.countOne') : t('toolkit.disagree.count', { count: who.count })
  const names = who.names.join(', ')
  if (who.includesYou) return names ? t('toolkit.disagree.youAnd', { names }) : t('toolkit.disagree.you')
  return t(who.names.length === 1 ? 'toolkit.disagree.by' : 'toolkit.disagree.byMany', { names })
}
