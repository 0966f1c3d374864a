/**
 * "Add to …" under a part of the map (a section, or a zone of a placed template): a button that
 * opens a form for one note, which stays open for the next one after each add; Cancel or Escape
 * closes it, back on the button. What is typed is kept in the tab's drafts until it is added or
 * cancelled, so a reload reopens the form with it. When the map is finished, or the connection
 * ends, under an open form, the words typed stay on screen to copy (KeptWords.tsx) instead of
 * going with the form; they are also told to `typed`, for the page to show if the map is withdrawn.
 * A form whose words go to the server instead of the map (a private contact) says who will see
 * them (`notice`), and keeps them on screen with what to do next if the server refuses; once they
 * are sent it closes and says so on screen (`sent`), since they never show in the list.
 *
 *   <AddItemForm zone="strengths" label="Strengths" drafts={drafts} draftKey={addFormKey('strengths')} onAdd={add} />
 */
import { useEffect, useId, useLayoutEffect, useState, type FormEvent } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { focusOnMount } from '../ui/focusOnMount.ts'
import { FormError } from '../ui/FormError.tsx'
import { useWarnBeforeLeaving } from '../ui/useWarnBeforeLeaving.ts'
import type { Drafts } from '../ui/drafts.ts'
import { MAX_ITEM_TEXT_LENGTH } from './ItemCard.tsx'
import { KeptWords, type KeptWhy } from './KeptWords.tsx'
import { useFocusWithin } from './useFocusWithin.ts'
import type { TypedWords } from './typedWords.ts'
import { useInlineForm } from './useInlineForm.ts'

/** Props of {@link AddItemForm}. */
export interface AddItemFormProps {
  /** The zone key, as `data-section`. */
  readonly zone: string
  /** The heading the person sees for the part of the map, named in the button and the form. */
  readonly label: string
  readonly drafts: Drafts
  readonly draftKey: string
  /** Adds the note; a promise is a send to the server, resolving to why it failed or `null`. */
  readonly onAdd: (text: string) => void | Promise<MessageKey | null>
  /** Who will see what is written here, shown under the box's label. */
  readonly notice?: string
  /** Said on screen once the words were sent, the form then closed: they never show in the list. */
  readonly sent?: string
  /** Why nothing can be added any more (only words already typed are shown), or `null` while it can. */
  readonly kept?: KeptWhy | null
  readonly typed?: TypedWords
  /**
   * The part is a question (the scaling line): the button says, in a few words, that it writes a
   * note about it, so that at large text it is not taken for giving a number. Its accessible name
   * still says which question.
   */
  readonly question?: boolean
}

/** The add button and its form. */
export function AddItemForm({ zone, label, drafts, draftKey, onAdd, notice, sent, kept = null, typed, question = false }: AddItemFormProps) {
  const { t } = useI18n()
  const id = useId()
  const [saved] = useState(() => drafts.get(draftKey))
  const [open, setOpen] = useState(saved !== null)
  const [text, setText] = useState(saved?.text ?? '')
  const [error, setError] = useState(false)
  const [added, setAdded] = useState('')
  const [refused, setRefused] = useState<MessageKey | null>(null)
  const [sending, setSending] = useState(false)
  const hasWords = open && text.trim() !== ''
  // A reload or a tap on "back" would lose what is typed here: the browser asks first.
  useWarnBeforeLeaving(hasWords)
  useEffect(() => {
    drafts.set(draftKey, open && text !== '' ? { text } : null)
  }, [drafts, draftKey, open, text])
  // At commit, not after the next frame (when Preact runs plain effects): the map may be withdrawn
  // a moment after the last key, and the words must be there to show.
  useLayoutEffect(() => {
    typed?.set(draftKey, hasWords ? text : null)
    return () => typed?.set(draftKey, null)
  }, [typed, draftKey, hasWords, text])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const value = text.trim()
    if (!value) {
      setError(true)
      return
    }
    setRefused(null)
    const pending = onAdd(value)
    if (pending) {
      setSending(true)
      const why = await pending
      setSending(false)
      if (why) {
        setRefused(why)
        return
      }
    }
    if (sent) {
      form.close()
      setAdded(sent)
      return
    }
    setText('')
    setError(false)
    setAdded(t('phone.added', { section: label }))
  }
  const formFocus = useFocusWithin()
  const form = useInlineForm(() => {
    setOpen(false)
    setText('')
    setError(false)
  })

  if (kept) {
    return hasWords ? (
      <div className="phone-add" data-section={zone}>
        <KeptWords why={kept} text={text} onDone={form.close} hadFocus={formFocus.had} />
      </div>
    ) : null
  }
  return (
    <div className="phone-add" data-section={zone}>
      <p className={sent ? 'phone-hint phone-add-sent' : 'phone-visually-hidden'} role="status" data-testid="add-status">
        {added}
      </p>
      {open ? (
        <form onSubmit={(event) => void submit(event)} onKeyDown={form.onKeyDown} noValidate ref={formFocus.ref}>
          <label htmlFor={`${id}-text`} className="phone-label">
            {t('phone.addLabel', { section: label })}
          </label>
          {notice ? (
            <p className="phone-hint" id={`${id}-notice`} data-testid="add-notice">
              {notice}
            </p>
          ) : null}
          <textarea
            id={`${id}-text`}
            value={text}
            rows={3}
            maxLength={MAX_ITEM_TEXT_LENGTH}
            ref={focusOnMount}
            aria-invalid={error || undefined}
            aria-describedby={[notice ? `${id}-notice` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
            onChange={(event) => {
              setText(event.target.value)
              setAdded('')
            }}
          />
          {error ? (
            <p className="form-error" id={`${id}-error`} role="alert">
              {t('phone.textRequired')}
            </p>
          ) : null}
          <FormError messageKey={refused} />
          <div className="phone-actions">
            <button type="submit" className="primary" disabled={sending}>
              {t('phone.addSubmit')}
            </button>
            <button type="button" onClick={form.close}>
              {t('phone.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          ref={form.openerRef}
          className="phone-add-open"
          aria-label={question ? t('phone.addNoteName', { section: label }) : undefined}
          onClick={() => {
            setAdded('')
            setOpen(true)
          }}
        >
          {question ? t('phone.addNote') : t('phone.add', { section: label })}
        </button>
      )}
    </div>
  )
}
