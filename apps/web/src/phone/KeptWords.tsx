/**
 * What a form had typed in it when the map was finished under it ("Add to …", "Change"): the words
 * stay on screen, read-only, with what happened and what to do (tell the person running the
 * meeting, who can open the map again), a button that copies them, and one that lets them go. They
 * stay in the tab's drafts (ui/drafts.ts) until then, so a reload shows them again.
 *
 *   {finished && typed ? <KeptWords text={typed} onDone={forget} /> : null}
 */
import { useId, useRef, useState } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'

/** Props of {@link KeptWords}. */
export interface KeptWordsProps {
  readonly text: string
  /** She is done with them: the form forgets its draft. */
  readonly onDone: () => void
}

/** The words a finished map did not take, to read and copy. */
export function KeptWords({ text, onDone }: KeptWordsProps) {
  const { t } = useI18n()
  const id = useId()
  const boxRef = useRef<HTMLTextAreaElement>(null)
  const [copy, setCopy] = useState<'copied' | 'selected' | null>(null)
  const copyWords = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setCopy('copied')
    } catch {
      // No clipboard here (an address without https): the phone's own Copy works on a selection.
      boxRef.current?.select()
      setCopy('selected')
    }
  }
  return (
    <div className="phone-kept" data-testid="phone-kept">
      <p className="phone-notice" role="alert">
        {t('phone.kept.finished')}
      </p>
      <label htmlFor={`${id}-words`} className="phone-label">
        {t('phone.kept.label')}
      </label>
      <textarea id={`${id}-words`} ref={boxRef} value={text} rows={3} readOnly />
      <p className="phone-hint" role="status">
        {copy === 'copied' ? t('phone.kept.copied') : copy === 'selected' ? t('phone.kept.selected') : ''}
      </p>
      <div className="phone-actions">
        <button type="button" className="primary" onClick={() => void copyWords()}>
          {t('phone.kept.copy')}
        </button>
        <button type="button" onClick={onDone}>
          {t('phone.kept.done')}
        </button>
      </div>
    </div>
  )
}
