/**
 * A guided builder: one labelled field per slot with a short hint, plain-language prompts under
 * each field as it is typed (map-model's checker; it prompts, never rewrites), a live preview of
 * the composed sentence, an optional "someone's own words" flag, and Save / Cancel. Used for
 * danger statements, safety goals, next steps and ratings.
 *
 *   <BuilderDialog title="Danger statement" fields={fields} initial={values} preview={compose}
 *     onSave={(values, quote) => …} onClose={close} />
 */
import { checkPlainLanguage, type Locale } from '@safetymap/map-model'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useA11y } from 'tldraw'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import type { MessageKey } from '../../i18n/messages.ts'
import { localToday } from '../../journal/journalDates.ts'
import { CanvasDialog } from '../CanvasDialog.tsx'
import { PlainLanguageFindings } from './PlainLanguageFindings.tsx'

/** One field of a builder. */
export interface BuilderField {
  readonly name: string
  readonly label: MessageKey
  readonly hint?: MessageKey
  readonly required?: boolean
  /** `text` (default, several lines), `date`, `select` (with `options`) or `number` (0–10). */
  readonly type?: 'text' | 'date' | 'select' | 'number'
  readonly options?: readonly { readonly value: string; readonly label: string }[]
}

/** Props of {@link BuilderDialog}. */
export interface BuilderDialogProps {
  readonly title: MessageKey
  readonly intro: MessageKey
  readonly fields: readonly BuilderField[]
  readonly initial: Readonly<Record<string, string>>
  /** The language the map's words are written in: plain-language prompts check it. */
  readonly contentLocale: Locale
  readonly preview?: (values: Readonly<Record<string, string>>) => string
  /** A plain note under the fields for what is chosen (e.g. "Sam has already given a number"), or `null`. */
  readonly notice?: (values: Readonly<Record<string, string>>) => string | null
  /** Shows the direct-quote checkbox with this starting value; `undefined` hides it. */
  readonly quote?: boolean
  /**
   * Called when a field changes; what it returns replaces those fields' values (e.g. choosing
   * another scale loads that scale's rating instead of carrying the old one over).
   */
  readonly onFieldChange?: (name: string, values: Readonly<Record<string, string>>) => Readonly<Record<string, string>> | undefined
  /** Told the values and the quote flag as they are typed (and once on opening), to keep a draft. */
  readonly onChange?: (values: Readonly<Record<string, string>>, quote: boolean) => void
  readonly onSave: (values: Readonly<Record<string, string>>, quote: boolean) => void
  readonly onClose: () => void
}

/** A modal builder dialog. */
export function BuilderDialog(props: BuilderDialogProps) {
  const { t } = useI18n()
  const a11y = useA11y()
  const id = useId()
  const [values, setValues] = useState<Record<string, string>>(() => ({ ...props.initial }))
  const [quote, setQuote] = useState(props.quote ?? false)
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set())
  const [outOfRange, setOutOfRange] = useState<ReadonlySet<string>>(new Set())
  const form = useRef<HTMLFormElement>(null)
  const onChange = props.onChange
  useEffect(() => {
    onChange?.(values, quote)
  }, [onChange, values, quote])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const empty = new Set(props.fields.filter((f) => f.required && !(values[f.name] ?? '').trim()).map((f) => f.name))
    const outside = new Set(props.fields.filter((f) => f.type === 'number' && (values[f.name] ?? '').trim() && !isRating(values[f.name]!)).map((f) => f.name))
    setMissing(empty)
    setOutOfRange(outside)
    const first = [...empty, ...outside][0]
    if (first !== undefined) {
      form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus()
      return
    }
    props.onSave(values, quote)
    // The card appears on the canvas; a screen reader hears that it was saved.
    a11y.announce({ msg: t('toolkit.saved', { what: t(props.title) }), priority: 'polite' })
  }

  const preview = props.preview?.(values) ?? ''
  return (
    <CanvasDialog labelledBy={`${id}-title`} onClose={props.onClose} onSubmit={submit} formRef={form} noValidate>
      <h2 id={`${id}-title`}>{t(props.title)}</h2>
      <p className="sm-builder__intro">{t(props.intro)}</p>
      {props.fields.map((field, i) => {
        const value = values[field.name] ?? ''
        const fieldId = `${id}-${field.name}`
        const findings = (field.type ?? 'text') === 'text' ? checkPlainLanguage(value, props.contentLocale) : []
        // A day already gone is allowed (a step may be written down after it was done), but said, in case it is a slip.
        const past = field.type === 'date' && value !== '' && value < localToday(new Date())
        const describedBy = [
          field.hint ? `${fieldId}-hint` : '',
          findings.length ? `${fieldId}-plain` : '',
          past ? `${fieldId}-past` : '',
          missing.has(field.name) ? `${fieldId}-missing` : '',
          outOfRange.has(field.name) ? `${fieldId}-range` : '',
        ]
          .filter(Boolean)
          .join(' ')
        const common = {
          id: fieldId,
          name: field.name,
          value,
          'aria-describedby': describedBy || undefined,
          'aria-invalid': missing.has(field.name) || outOfRange.has(field.name) || undefined,
          autoFocus: i === 0,
        }
        const set = (next: string) =>
          setValues((old) => {
            const changed = { ...old, [field.name]: next }
            return { ...changed, ...props.onFieldChange?.(field.name, changed) }
          })
        return (
          <div className="sm-builder__field" key={field.name}>
            <label htmlFor={fieldId}>{t(field.label)}</label>
            {field.hint ? (
              <div className="sm-builder__hint" id={`${fieldId}-hint`}>
                {t(field.hint)}
              </div>
            ) : null}
            {field.type === 'select' ? (
              <select {...common} onChange={(e) => set(e.target.value)}>
                {(field.options ?? []).map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : field.type === 'date' ? (
              <input type="date" {...common} onChange={(e) => set(e.target.value)} />
            ) : field.type === 'number' ? (
              <input type="number" min={0} max={10} step={0.5} inputMode="decimal" {...common} onChange={(e) => set(e.target.value)} />
            ) : (
              <textarea rows={2} {...common} onChange={(e) => set(e.target.value)} />
            )}
            {missing.has(field.name) ? (
              <div className="sm-builder__missing" id={`${fieldId}-missing`}>
                {t('toolkit.dialog.required')}
              </div>
            ) : null}
            {outOfRange.has(field.name) ? (
              <div className="sm-builder__missing" id={`${fieldId}-range`}>
                {t('toolkit.dialog.outOfRange')}
              </div>
            ) : null}
            {past ? (
              <div className="sm-builder__plain" id={`${fieldId}-past`}>
                {t('toolkit.dialog.dayPassed')}
              </div>
            ) : null}
            <PlainLanguageFindings findings={findings} className="sm-builder__plain" id={`${fieldId}-plain`} />
          </div>
        )
      })}
      {props.notice ? (
        // Always in the page, so a screen reader hears the note when choosing a person brings it.
        <p className="sm-builder__intro" role="status" data-testid="builder-notice">
          {props.notice(values)}
        </p>
      ) : null}
      {props.quote === undefined ? null : (
        <label className="sm-builder__check">
          <input type="checkbox" checked={quote} onChange={(e) => setQuote(e.target.checked)} />
          {t('toolkit.dialog.quote')}
        </label>
      )}
      {props.preview ? (
        <div className="sm-builder__preview">
          <div className="sm-builder__preview-label">{t('toolkit.dialog.preview')}</div>
          <p lang={props.contentLocale} data-testid="builder-preview">
            {preview}
          </p>
        </div>
      ) : null}
      <div className="sm-builder__actions">
        <button type="button" onClick={props.onClose}>
          {t('toolkit.dialog.cancel')}
        </button>
        <button type="submit" className="sm-builder__save">
          {t('toolkit.dialog.save')}
        </button>
      </div>
    </CanvasDialog>
  )
}

/** A rating as the scale takes it: a number from 0 to 10, in steps of a half. */
export const isRating = (text: string): boolean => {
  const value = Number(text.trim())
  return Number.isFinite(value) && value >= 0 && value <= 10 && Number.isInteger(value * 2)
}
