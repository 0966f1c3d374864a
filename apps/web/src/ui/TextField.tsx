/**
 * A labelled text input with an optional hint, sized for thumbs (the label is the input's
 * accessible name; the hint is its description, before any `aria-describedby` given, such as an
 * error message's id).
 *
 *   <TextField label={t('signIn.email')} type="email" value={email} onChange={setEmail} autoComplete="email" required />
 */
import { useId, type InputHTMLAttributes, type Ref } from 'react'

/** Props of `TextField`; `onChange` receives the new text. */
export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> {
  readonly label: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly hint?: string
  /** The input itself, to move focus to it (React 19 passes `ref` as a prop). */
  readonly ref?: Ref<HTMLInputElement>
}

/** One form field: label, input, hint. */
export function TextField({ label, value, onChange, hint, 'aria-describedby': describedBy, ...input }: TextFieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const description = [hint ? hintId : undefined, describedBy].filter(Boolean).join(' ')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={description || undefined}
        {...input}
      />
    </div>
  )
}
