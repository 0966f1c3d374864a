/**
 * The person's own rating on one scaling line: a number from 0 to 10 as eleven large radio
 * buttons in one fieldset (a screen reader announces "6, radio button, 7 of 11" and arrow
 * keys move along the line), then the two reasons the practice asks for. The number is required; the
 * reasons are asked for, never forced. Changing a rating starts from the person's current one. The
 * form opens with the focus on that number (or on 0), and Escape cancels it. Above the numbers it
 * says what 0 and 10 mean: in the facilitator's words for this line when worded, else the
 * standard words. When the map is finished, or the connection ends, while she has changed
 * something here, the number and reasons stay on screen to copy (KeptWords.tsx); they are also told
 * to `typed`, for the page to show if the map is withdrawn. What she changed is kept in the tab's
 * drafts (ui/drafts.ts) until saved or cancelled, so a reload reopens the form (or those kept words) as it was.
 *
 *   <MarkForm title="Worry 1" ends={row.ends} own={row.own} onSave={(value, reasons) => …} onCancel={close} />
 */
import type { MapScalingMark, ScaleEnds, ScalingReasons } from '@safetymap/map-model'
import { useEffect, useId, useLayoutEffect, useState, type FormEvent } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { Drafts } from '../ui/drafts.ts'
import { focusOnMount } from '../ui/focusOnMount.ts'
import { MAX_ITEM_TEXT_LENGTH } from './ItemCard.tsx'
import { KeptWords, type KeptWhy } from './KeptWords.tsx'
import type { TypedWords } from './typedWords.ts'
import { SCALE_CHOICES, scaleEndsText } from './scaleRows.ts'
import { useFocusWithin } from './useFocusWithin.ts'
import { cancelOnEscape } from './useInlineForm.ts'

/** Props of {@link MarkForm}. */
export interface MarkFormProps {
  /** The line's name ("Overall", "Worry 1"), for the form's label. */
  readonly title: string
  /** What 0 and 10 mean on this line, as the facilitator worded them; `null` for the standard words. */
  readonly ends: ScaleEnds | null
  /** The person's current mark on this line, if any. */
  readonly own: MapScalingMark | null
  readonly onSave: (value: number, reasons: ScalingReasons) => void
  /**
   * True while the number is on its way to the server (a private line's save can take seconds on a
   * weak signal): the button says so and a second tap sends nothing more.
   */
  readonly saving?: boolean
  readonly onCancel: () => void
  /** Why nothing can be saved any more (what she changed is only shown), or `null` while it can. */
  readonly kept: KeptWhy | null
  /** Where what she changed is told, under `formKey`. */
  readonly typed: TypedWords
  /** Where what she changed is kept through a reload, under `formKey` (`markFormKey`). */
  readonly drafts: Drafts
  readonly formKey: string
}

/** A number kept in a draft, if it is one she could pick. */
const draftChoice = (kept: string | undefined): number | null => (SCALE_CHOICES.find((n) => String(n) === kept) ?? null)

/** Places or moves the person's mark on one line. */
export function MarkForm({ title, ends, own, onSave, saving = false, onCancel, kept, typed, drafts, formKey }: MarkFormProps) {
  const { t } = useI18n()
  const id = useId()
  // A half set by dragging on the board has no button of its own: the person picks again.
  const [opened] = useState(own && Number.isInteger(own.value) ? own.value : null)
  // What she had changed before a reload, else her current mark.
  const [draft] = useState(() => drafts.get(formKey)?.fields ?? null)
  const [value, setValue] = useState<number | null>(draft ? draftChoice(draft['value']) : opened)
  const [high, setHigh] = useState(draft?.['whatMakesItThisHigh'] ?? own?.whatMakesItThisHigh ?? '')
  const [higher, setHigher] = useState(draft?.['onePointHigher'] ?? own?.onePointHigher ?? '')
  const [error, setError] = useState(false)
  // Where the focus lands as the form opens; kept, so picking another number does not move it again.
  const [firstFocused] = useState(value ?? SCALE_CHOICES[0])
  const formFocus = useFocusWithin()
  const changed = value !== opened || high.trim() !== (own?.whatMakesItThisHigh ?? '') || higher.trim() !== (own?.onePointHigher ?? '')
  // Her number and reasons as she would say them, for copying.
  const words = [
    value === null ? '' : t('phone.scale.yourNumber', { value: String(value) }),
    high.trim() && `${t('toolkit.mark.whatMakesItThisHigh')} ${high.trim()}`,
    higher.trim() && `${t('toolkit.mark.onePointHigher')} ${higher.trim()}`,
  ]
    .filter(Boolean)
    .join('\n')
  // At commit, as AddItemForm does: the map may be withdrawn a moment after the last key.
  useLayoutEffect(() => {
    typed.set(formKey, changed && words ? words : null)
    return () => typed.set(formKey, null)
  }, [typed, formKey, changed, words])
  useEffect(() => {
    drafts.set(formKey, changed ? { text: '', fields: { value: value === null ? '' : String(value), whatMakesItThisHigh: high, onePointHigher: higher } } : null)
  }, [drafts, formKey, changed, value, high, higher])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (saving) return
    if (value === null) {
      setError(true)
      return
    }
    onSave(value, { whatMakesItThisHigh: high.trim(), onePointHigher: higher.trim() })
  }

  if (kept) return changed && words ? <KeptWords why={kept} text={words} onDone={onCancel} hadFocus={formFocus.had} /> : null
  return (
    <form
      className="phone-mark-form"
      onSubmit={submit}
      onKeyDown={cancelOnEscape(onCancel)}
      noValidate
      aria-label={t('phone.mark.formLabel', { scale: title })}
      ref={formFocus.ref}
    >
      <fieldset className="phone-choice" aria-describedby={error ? `${id}-ends ${id}-error` : `${id}-ends`}>
        <legend className="phone-label">{t('toolkit.mark.value')}</legend>
        <p className="phone-hint" id={`${id}-ends`}>
          {ends ? scaleEndsText(ends, t) : t('phone.mark.ends')}
        </p>
        <div className="phone-choice-options">
          {SCALE_CHOICES.map((n) => (
            <label key={n} className="phone-choice-option">
              <input
                type="radio"
                name={`${id}-value`}
                value={n}
                checked={value === n}
                ref={n === firstFocused ? focusOnMount : undefined}
                onChange={() => {
                  setValue(n)
                  setError(false)
                }}
              />
              <span>{n}</span>
            </label>
          ))}
        </div>
        {error ? (
          <p className="form-error" id={`${id}-error`} role="alert">
            {t('phone.mark.numberRequired')}
          </p>
        ) : null}
      </fieldset>
      <label htmlFor={`${id}-high`} className="phone-label">
        {t('toolkit.mark.whatMakesItThisHigh')}
      </label>
      <p className="phone-hint" id={`${id}-high-hint`}>
        {t('toolkit.mark.whatMakesItThisHighHint')}
      </p>
      <textarea id={`${id}-high`} value={high} rows={2} maxLength={MAX_ITEM_TEXT_LENGTH} aria-describedby={`${id}-high-hint`} onChange={(e) => setHigh(e.target.value)} />
      <label htmlFor={`${id}-higher`} className="phone-label">
        {t('toolkit.mark.onePointHigher')}
      </label>
      <p className="phone-hint" id={`${id}-higher-hint`}>
        {t('toolkit.mark.onePointHigherHint')}
      </p>
      <textarea id={`${id}-higher`} value={higher} rows={2} maxLength={MAX_ITEM_TEXT_LENGTH} aria-describedby={`${id}-higher-hint`} onChange={(e) => setHigher(e.target.value)} />
      <div className="phone-actions">
        {/* aria-disabled, not disabled: the focus stays on the button for a screen reader to hear it. */}
        <button type="submit" className="primary" aria-disabled={saving || undefined}>
          {saving ? t('phone.mark.saving') : t('phone.mark.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('phone.cancel')}
        </button>
      </div>
    </form>
  )
}
