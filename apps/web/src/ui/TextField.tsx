/**
 * A labelled text input with an optional hint, sized for thumbs (the label is the input's
 * accessible name; the hint is its description).
 *
 *   <TextField label={t('signIn.email')} type="email" value={email} onChange={setEmail} autoComplete="email" required />
 */
import { useId, type InputHTMLAttributes } from 'react'

/** Props of `TextField`; `onChange` receives the new text. */
export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> {
  readonly label: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly hint?: string
}

/** One form field: label, input, hint. */
export function TextField({ label, value, onChange, hint, ...input }: TextFieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
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
        aria-describedby={hint ? hintId : undefined}
        {...input}
      />
    </div>
  )
}
