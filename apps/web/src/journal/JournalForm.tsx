/**
 * "Add to the journal": a button that opens a short form — the day of the visit (today unless
 * changed, never later), what happened in the person's own words, and, if they want to say,
 * whether the safety plan was followed. The words are kept in the tab's drafts until sent or
 * cancelled, so a reload reopens the form with them; when sending fails they stay in the form,
 * with what went wrong and what to do next. Over {@link MAX_JOURNAL_TEXT_CHARS} characters the form
 * says so before sending, rather than cutting words off.
 *
 *   <JournalForm meetingId={meeting.id} onAdd={journal.add} />
 */
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react'
import { BusyButton } from '../access/BusyButton.tsx'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { useInlineForm } from '../phone/useInlineForm.ts'
import { createDrafts, JOURNAL_FORM_KEY } from '../ui/drafts.ts'
import { focusOnMount } from '../ui/focusOnMount.ts'
import { FormError } from '../ui/FormError.tsx'
import { useWarnBeforeLeaving } from '../ui/useWarnBeforeLeaving.ts'
import { MAX_JOURNAL_TEXT_CHARS, PLAN_FOLLOWED, type JournalEntryInput, type PlanFollowed } from './journalApi.ts'
import { localToday } from './journalDates.ts'

export interface JournalFormProps {
  readonly meetingId: string
  readonly onAdd: (entry: JournalEntryInput) => Promise<MessageKey | null>
}

const isPlanFollowed = (value: string | undefined): value is PlanFollowed => (PLAN_FOLLOWED as readonly (string | undefined)[]).includes(value)

export function JournalForm({ meetingId, onAdd }: JournalFormProps) {
  const { t } = useI18n()
  const id = useId()
  const drafts = useMemo(() => createDrafts(meetingId), [meetingId])
  const [saved] = useState(() => drafts.get(JOURNAL_FORM_KEY))
  const today = localToday(new Date())
  const [open, setOpen] = useState(saved !== null)
  const [text, setText] = useState(saved?.text ?? '')
  const [visitDay, setVisitDay] = useState(saved?.fields?.visitDay || today)
  const [plan, setPlan] = useState<PlanFollowed | null>(isPlanFollowed(saved?.fields?.plan) ? saved.fields.plan : null)
  const [problem, setProblem] = useState<MessageKey | null>(null)
  const [sending, setSending] = useState(false)
  const [added, setAdded] = useState(false)
  const hasWords = open && text.trim() !== ''
  useWarnBeforeLeaving(hasWords)
  useEffect(() => {
    drafts.set(JOURNAL_FORM_KEY, open && text !== '' ? { text, fields: { visitDay, plan: plan ?? '' } } : null)
  }, [drafts, open, text, visitDay, plan])
  const form = useInlineForm(() => {
    setOpen(false)
    setText('')
    setVisitDay(today)
    setPlan(null)
    setProblem(null)
  })

  const length = [...text.trim()].length
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (sending) return
    const value = text.trim()
    if (!value) return setProblem('journal.textRequired')
    if (length > MAX_JOURNAL_TEXT_CHARS) return setProblem('journal.tooLong')
    if (!visitDay || visitDay > today) return setProblem('journal.dayInvalid')
    setProblem(null)
    setSending(true)
    const why = await onAdd({ text: value, visitDay, planFollowed: plan })
    setSending(false)
    // Refused or not sent: everything typed stays, with what to do next.
    if (why) return setProblem(why)
    form.close()
    setAdded(true)
  }

  if (!open) {
    return (
      <div className="journal-add">
        <p className="journal-added" role="status">
          {added ? t('journal.added') : ''}
        </p>
        <button
          type="button"
          ref={form.openerRef}
          className="journal-add-open"
          onClick={() => {
            setAdded(false)
            setOpen(true)
          }}
        >
          {t('journal.add')}
        </button>
      </div>
    )
  }
  return (
    <form className="journal-form" onSubmit={(event) => void submit(event)} onKeyDown={form.onKeyDown} noValidate aria-busy={sending}>
      <div className="journal-field">
        <label htmlFor={`${id}-day`}>{t('journal.day')}</label>
        <input id={`${id}-day`} type="date" value={visitDay} max={today} onChange={(event) => setVisitDay(event.target.value)} />
      </div>
      <div className="journal-field">
        <label htmlFor={`${id}-text`}>{t('journal.text')}</label>
        <p className="journal-hint" id={`${id}-hint`}>
          {t('journal.textHint')}
        </p>
        <textarea
          id={`${id}-text`}
          value={text}
          rows={5}
          ref={focusOnMount}
          aria-describedby={`${id}-hint ${id}-count`}
          aria-invalid={problem === 'journal.tooLong' || problem === 'journal.textRequired' || undefined}
          onChange={(event) => setText(event.target.value)}
        />
        <p className={length > MAX_JOURNAL_TEXT_CHARS ? 'journal-count journal-count-over' : 'journal-count'} id={`${id}-count`}>
          {t('journal.count', { count: length.toLocaleString(), max: MAX_JOURNAL_TEXT_CHARS.toLocaleString() })}
        </p>
      </div>
      <fieldset className="journal-plan">
        <legend>{t('journal.plan')}</legend>
        {PLAN_FOLLOWED.map((answer) => (
          <label key={answer} className="journal-choice">
            <input type="radio" name={`${id}-plan`} value={answer} checked={plan === answer} onChange={() => setPlan(answer)} />
            {t(`journal.plan.${answer}`)}
          </label>
        ))}
      </fieldset>
      <FormError messageKey={problem} />
      {problem && problem !== 'journal.textRequired' ? <p className="journal-hint">{t(problem === 'error.network' ? 'journal.wordsKeptOffline' : 'journal.wordsKept')}</p> : null}
      <div className="journal-actions">
        <BusyButton type="submit" className="primary" busy={sending}>
          {sending ? t('journal.sending') : t('journal.submit')}
        </BusyButton>
        <button type="button" onClick={form.close}>
          {t('journal.cancel')}
        </button>
      </div>
    </form>
  )
}
