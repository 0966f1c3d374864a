/**
 * Looks a key up in the message catalogue and fills its `{placeholders}`.
 * Components reach it through `useI18n().t`, which supplies the current locale.
 *
 *   translate('en', 'home.greeting', { name: 'Lorna' }) // 'Hello, Lorna'
 */
import type { Locale } from '@safetymap/map-model'
import { catalogueOrStandIn, type MessageKey } from './messages.ts'

/** Values for a message's `{placeholders}`. */
export type MessageVars = Readonly<Record<string, string | number>>

/**
 * The message for `key` in `locale`, with each `{name}` replaced by `vars.name` (unknown ones left
 * as is). The catalogue must be loaded (`loadCatalogue`); until then another loaded language
 * stands in, and with none the key itself shows.
 */
export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  const template = catalogueOrStandIn(locale)?.[key] ?? key
  if (!vars) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name]
    return value === undefined ? whole : String(value)
  })
}
