/**
 * One item in a section list: its words (in quotation marks, tagged "Their own words", when marked
 * as a direct quote), who wrote it, whether the child agreed to share it (a child's words on Three
 * Houses), who does not agree with it (and "I disagree" on others' items), "Not sent yet" while it
 * waits on this device, and — for the person's own items — Change and Remove (Remove asks first,
 * in place; no browser dialog, which phones render badly and screen readers announce poorly).
 * Escape cancels Change or the question as Cancel does, and the focus goes back to the button.
 * What is typed into Change is kept in the tab's drafts until saved or cancelled, so a reload
 * reopens the form with it. When the map is finished, or the connection ends, while she is
 * changing her note, her new words stay on screen to copy (KeptWords.tsx).
 *
 *   <ItemCard item={item} own self pending={false} onSave={save} onRemove={remove} drafts={drafts} … />
 */
import { quoted, type MapItem } from '@safetymap/map-model'
import { useEffect, useId, useState, type FormEvent } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { useWarnBeforeLeaving } from '../ui/useWarnBeforeLeaving.ts'
import { focusOnMount } from '../ui/focusOnMount.ts'
import { Disagreements } from './Disagreements.tsx'
import { changeFormKey, type Drafts } from '../ui/drafts.ts'
import { KeptWords, type KeptWhy } from './KeptWords.tsx'
import { SendMark } from './NotSent.tsx'
import { useFocusWithin } from './useFocusWithin.ts'
import { useInlineForm } from './useInlineForm.ts'

/** Longest text one item may have (a note on the board is small; this is generous). */
export const MAX_ITEM_TEXT_LENGTH = 2000

/** Props of {@link ItemCard}. */
export interface ItemCardProps {
  readonly item: MapItem
  /** The person wrote it and may change it now. */
  readonly own: boolean
  /** The person wrote it (shown as "Written by you" even when they cannot change it). */
  readonly self: boolean
  readonly pending: boolean
  readonly onSave: (text: string) => void
  /** Removes the item; the list moves the focus on, as this card goes with it. */
  readonly onRemove: () => void
  /** The person may say they disagree (someone else's item, and they may write). */
  readonly canDisagree: boolean
  readonly selfId: string
  readonly onDisagree: (on: boolean) => void
  readonly drafts: Drafts
  /** Why nothing can be changed any more (`own` is then false), or `null` while it can. */
  readonly kept: KeptWhy | null
}

type Mode = 'read' | 'edit' | 'confirmRemove'

/** An item of the map. */
export function ItemCard({ item, own, self, pending, onSave, onRemove, canDisagree, selfId, onDisagree, drafts, kept }: ItemCardProps) {
  const { t, locale } = useI18n()
  const id = useId()
  const draftKey = changeFormKey(item.id)
  const [saved] = useState(() => drafts.get(draftKey))
  const [mode, setMode] = useState<Mode>(saved ? 'edit' : 'read')
  const [draft, setDraft] = useState(saved?.text ?? item.text)
  const [error, setError] = useState(false)
  // The words the form opened with: when someone else changes the item meanwhile, saving would
  // silently replace their words, so the form says so and saves only when asked again.
  const [base, setBase] = useState(saved?.base ?? item.text)
  const [warned, setWarned] = useState(false)
  const changedMeanwhile = mode === 'edit' && item.text !== base
  useWarnBeforeLeaving(mode === 'edit' && draft !== base)
  const editing = useInlineForm(() => setMode('read'))
  const confirming = useInlineForm(() => setMode('read'))
  const formFocus = useFocusWithin()
  useEffect(() => {
    drafts.set(draftKey, mode === 'edit' ? { text: draft, base } : null)
  }, [drafts, draftKey, mode, draft, base])

  const byline = self ? t('phone.byYou') : item.authorName ? t('phone.by', { name: item.authorName }) : t('phone.byUnknown')
  const save = (event: FormEvent) => {
    event.preventDefault()
    const value = draft.trim()
    if (!value) {
      setError(true)
      return
    }
    if (changedMeanwhile && !warned) {
      setWarned(true)
      return
    }
    onSave(value)
    editing.close()
  }

  return (
    <li className="phone-item" data-testid="phone-item" data-item-id={item.id}>
      {mode === 'edit' && own ? (
        <form onSubmit={save} onKeyDown={editing.onKeyDown} noValidate ref={formFocus.ref}>
          <label htmlFor={`${id}-edit`} className="phone-label">
            {t('phone.editLabel')}
          </label>
          <textarea
            id={`${id}-edit`}
            value={draft}
            rows={3}
            maxLength={MAX_ITEM_TEXT_LENGTH}
            ref={focusOnMount}
            aria-invalid={error || undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => setDraft(event.target.value)}
          />
          {error ? (
            <p className="form-error" id={`${id}-error`} role="alert">
              {t('phone.textRequired')}
            </p>
          ) : null}
          {changedMeanwhile ? (
            <p className="phone-notice" role="alert" data-testid="changed-meanwhile">
              {t('phone.changedMeanwhile', { text: item.text })}
            </p>
          ) : null}
          <div className="phone-actions">
            <button type="submit" className="primary">
              {t('phone.save')}
            </button>
            <button type="button" onClick={editing.close}>
              {t('phone.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <p className="phone-item-text" id={`${id}-text`} data-testid="phone-item-text">
          {item.quote ? quoted(item.text, locale) : item.text}
        </p>
      )}
      <p className="phone-byline">
        <span>{byline}</span>
        {item.changedBy ? <span data-testid="changed-by">{t('phone.changedBy', { name: item.changedBy.id === selfId ? t('phone.scale.you') : item.changedBy.name })}</span> : null}
        {item.quote ? (
          <span className="phone-tag" data-testid="quote-tag">
            {t('phone.ownWords')}
          </span>
        ) : null}
        {item.childAgreed ? (
          <span className="phone-tag" data-testid="child-agreed">
            {t('phone.childAgreed')}
          </span>
        ) : null}
        <SendMark pending={pending} />
      </p>
      {kept && self && mode === 'edit' && draft.trim() !== base.trim() ? <KeptWords why={kept} text={draft} onDone={() => setMode('read')} hadFocus={formFocus.had} /> : null}
      <Disagreements list={item.disagreements} selfId={selfId} canWrite={canDisagree} describedBy={`${id}-text`} onToggle={onDisagree} />
      {own && mode === 'read' ? (
        <div className="phone-actions">
          <button
            type="button"
            ref={editing.openerRef}
            aria-describedby={`${id}-text`}
            onClick={() => {
              setDraft(item.text)
              setBase(item.text)
              setWarned(false)
              setError(false)
              setMode('edit')
            }}
          >
            {t('phone.edit')}
          </button>
          <button type="button" ref={confirming.openerRef} aria-describedby={`${id}-text`} onClick={() => setMode('confirmRemove')}>
            {t('phone.delete')}
          </button>
        </div>
      ) : null}
      {own && mode === 'confirmRemove' ? (
        <div className="phone-confirm" role="group" aria-labelledby={`${id}-q`} onKeyDown={confirming.onKeyDown}>
          <p id={`${id}-q`}>{t('phone.deleteQuestion')}</p>
          <div className="phone-actions">
            <button type="button" className="danger" onClick={onRemove}>
              {t('phone.deleteYes')}
            </button>
            <button type="button" ref={focusOnMount} onClick={confirming.close}>
              {t('phone.deleteNo')}
            </button>
          </div>
        </div>
      ) : null}
    </li>
  )
}
