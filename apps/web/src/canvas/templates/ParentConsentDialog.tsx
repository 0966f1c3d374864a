/**
 * Asks the facilitator for a parent's consent before Three Houses goes on the canvas (map-model
 * MM-31): who agreed, and a tick that a parent did. Nothing is placed until both are given; the
 * consent is stored on the houses and shown on the first one.
 *
 *   <ParentConsentDialog onPlace={(givenBy) => place('three-houses', givenBy)} onClose={close} />
 */
import { useId, useState, type FormEvent } from 'react'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { CanvasDialog } from '../CanvasDialog.tsx'

/** Props of {@link ParentConsentDialog}. */
export interface ParentConsentDialogProps {
  /** Called with who agreed, once the facilitator confirms. */
  readonly onPlace: (givenBy: string) => void
  readonly onClose: () => void
}

export function ParentConsentDialog({ onPlace, onClose }: ParentConsentDialogProps) {
  const { t } = useI18n()
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
      <h2 id={`${id}-title`}>{t('templates.consent.title')}</h2>
      <p className="sm-builder__intro">{t('templates.consent.intro')}</p>
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
        {t('templates.consent.confirm')}
      </label>
      <div className="sm-builder__actions">
        <button type="button" onClick={onClose}>
          {t('templates.cancel')}
        </button>
        <button type="submit" className="sm-builder__save" disabled={!ready}>
          {t('templates.consent.place')}
        </button>
      </div>
    </CanvasDialog>
  )
}
