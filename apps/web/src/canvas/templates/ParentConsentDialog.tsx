/**
 * Asks the facilitator for a parent's consent before Three Houses goes on the canvas (map-model
 * MM-31): who agreed, and a tick that a parent did. Nothing is placed until both are given; the
 * consent is stored on the houses and shown on the first one. With `kind="wording"` it records
 * instead that the parents agreed to a words and pictures story's words (MM-36), under a line
 * saying where the words stand now.
 *
 *   <ParentConsentDialog onPlace={(givenBy) => place('three-houses', givenBy)} onClose={close} />
 *   <ParentConsentDialog kind="wording" status={t('phone.story.draft')} onPlace={record} onClose={close} />
 */
import { useId, useState, type FormEvent } from 'react'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { CanvasDialog } from '../CanvasDialog.tsx'

/** The words of each use of the dialog. */
const WORDS = {
  use: { title: 'templates.consent.title', intro: 'templates.consent.intro', confirm: 'templates.consent.confirm', place: 'templates.consent.place' },
  wording: { title: 'templates.wording.title', intro: 'templates.wording.intro', confirm: 'templates.wording.confirm', place: 'templates.wording.place' },
} as const

/** Props of {@link ParentConsentDialog}. */
export interface ParentConsentDialogProps {
  /** Consent to use Three Houses (the default), or the parents' agreement to a story's words. */
  readonly kind?: keyof typeof WORDS
  /** Where things stand now, shown under the intro. */
  readonly status?: string
  /** Called with who agreed, once the facilitator confirms. */
  readonly onPlace: (givenBy: string) => void
  readonly onClose: () => void
}

export function ParentConsentDialog({ kind = 'use', status, onPlace, onClose }: ParentConsentDialogProps) {
  const { t } = useI18n()
  const words = WORDS[kind]
  const id = useId()
  const [givenBy, setGivenBy] = useState('')
  const [agreed, setAgreed] = useState(false)
  const ready = agreed && givenBy.trim() !== ''
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (ready) onPlace(givenBy.trim())
  }
  return (
    <CanvasDialog labelledBy={`${id}-title`} onClose={onClose} onSubmit={submit}>
      <h2 id={`${id}-title`}>{t(words.title)}</h2>
      <p className="sm-builder__intro">{t(words.intro)}</p>
      {status ? (
        <p className="sm-builder__intro" data-testid="wording-status">
          {status}
        </p>
      ) : null}
      <div className="sm-builder__field">
        <label htmlFor={`${id}-given-by`}>{t('templates.consent.givenBy')}</label>
        <span className="sm-builder__hint" id={`${id}-given-by-hint`}>
          {t('templates.consent.givenByHint')}
        </span>
        <input
          id={`${id}-given-by`}
          name="givenBy"
          aria-describedby={`${id}-given-by-hint`}
          value={givenBy}
          autoFocus
          onChange={(e) => setGivenBy(e.target.value)}
        />
      </div>
      <label className="sm-builder__check">
        <input type="checkbox" name="agreed" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />
        {t(words.confirm)}
      </label>
      <div className="sm-builder__actions">
        <button type="button" onClick={onClose}>
          {t('templates.cancel')}
        </button>
        <button type="submit" className="sm-builder__save" disabled={!ready}>
          {t(words.place)}
        </button>
      </div>
    </CanvasDialog>
  )
}
