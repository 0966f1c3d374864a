/**
 * Owns reading a deployment's own headings (SPEC MM-28): a JSON object keyed by the fixed
 * {@link LABEL_KEYS}, each with `en` and/or `es` holding a `label` and/or `hint` string. Unknown
 * keys, locales or fields are refused, so a typo never silently leaves the catalogue's words.
 *
 * ```ts
 * const parsed = parseLabelOverrides(JSON.parse(text))
 * if (!parsed.ok) throw new Error(parsed.error)   // "danger.en.labl: unknown field (expected label or hint)"
 * zoneLabel('danger', 'en', parsed.overrides)
 * ```
 */
import { isLabelKey, type LabelOverrides } from './zoneCatalogue.ts'
import { isLocale } from './zoneKeys.ts'

/** Longest heading or hint a deployment may set, in characters. */
export const LABEL_OVERRIDE_MAX_LENGTH = 300

/** The result of {@link parseLabelOverrides}: the overrides, or what is wrong (a field path). @public */
export type ParsedLabelOverrides = { readonly ok: true; readonly overrides: LabelOverrides } | { readonly ok: false; readonly error: string }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Checks a parsed labels file (MM-28). Never throws; the error names the field path and what was
 * expected, never the file's text.
 *
 * @public
 */
export function parseLabelOverrides(value: unknown): ParsedLabelOverrides {
  if (!isObject(value)) return { ok: false, error: '(root): expected an object keyed by label key' }
  const overrides: Record<string, Record<string, { label?: string; hint?: string }>> = {}
  for (const [key, perLocale] of Object.entries(value)) {
    if (!isLabelKey(key)) return { ok: false, error: `${key}: unknown label key` }
    if (!isObject(perLocale)) return { ok: false, error: `${key}: expected an object with "en" and/or "es"` }
    const entry: Record<string, { label?: string; hint?: string }> = {}
    for (const [locale, words] of Object.entries(perLocale)) {
      if (!isLocale(locale)) return { ok: false, error: `${key}.${locale}: unknown locale (expected en or es)` }
      if (!isObject(words)) return { ok: false, error: `${key}.${locale}: expected an object with "label" and/or "hint"` }
      const out: { label?: string; hint?: string } = {}
      for (const [field, text] of Object.entries(words)) {
        if (field !== 'label' && field !== 'hint') return { ok: false, error: `${key}.${locale}.${field}: unknown field (expected label or hint)` }
        if (typeof text !== 'string' || text.trim() === '' || text.length > LABEL_OVERRIDE_MAX_LENGTH || /[\n\r]/.test(text)) {
          return { ok: false, error: `${key}.${locale}.${field}: expected one line of 1 to ${LABEL_OVERRIDE_MAX_LENGTH} characters` }
        }
        out[field] = text
      }
      entry[locale] = out
    }
    overrides[key] = entry
  }
  return { ok: true, overrides: overrides as LabelOverrides }
}
