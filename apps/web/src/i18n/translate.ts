/**
 * Looks a key up in the message catalogue and fills its `{placeholders}`.
 * Pure: components reach it through `useI18n().t`, which supplies the current locale.
 *
 *   translate('en', 'home.greeting', { name: 'Lorna' }) // 'Hello, Lorna'
 */
import type { Locale } from '@safetymap/map-model'
import { messages, type MessageKey } from './messages.ts'

/** Values for a message's `{placeholders}`. */
export type MessageVars = Readonly<Record<string, string | number>>

/** The message for `key` in `locale`, with each `{name}` replaced by `vars.name` (unknown ones left as is). */
export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  const template = messages[locale][key]
  if (!vars) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name]
    return value === undefined ? whole : String(value)
  })
}
