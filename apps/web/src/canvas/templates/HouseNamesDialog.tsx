/**
 * The child's own names for the Three Houses (map-model MM-31): one box per house, with the usual
 * name beside it; what is typed is stored exactly as written (an empty box keeps the usual name).
 * Written through map-model into the house zones, which the relay accepts from facilitators only.
 *
 *   <HouseNamesDialog doc={doc} placementId={id} onClose={close} />
 */
import { MAP_TEMPLATES, readMap, renameTemplateZone, zoneLabel, type LabelOverrides } from '@safetymap/map-model'
import { useId, useState, type FormEvent } from 'react'
import type * as Y from 'yjs'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { CanvasDialog } from '../CanvasDialog.tsx'

/** Props of {@link HouseNamesDialog}. */
export interface HouseNamesDialogProps {
  readonly doc: Y.Doc
  /** The Three Houses placement whose houses are named. */
  readonly placementId: string
  /** The agency's own house names (MM-28), shown as the usual ones. */
  readonly labels?: LabelOverrides
  readonly onClose: () => void
}

const HOUSES = MAP_TEMPLATES['three-houses'].sections

export function HouseNamesDialog({ doc, placementId, labels, onClose }: HouseNamesDialogProps) {
  const { t, locale } = useI18n()
  const id = useId()
  const [names, setNames] = useState<Record<string, string>>(() => {
    const headings = readMap(doc).templates.find((p) => p.placementId === placementId)?.headings ?? {}
    return Object.fromEntries(HOUSES.map((key) => [key, headings[key] ?? '']))
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    doc.transact(() => {
      for (const key of HOUSES) renameTemplateZone(doc, placementId, key, names[key] ?? '')
    })
    onClose()
  }
  return (
    <CanvasDialog labelledBy={`${id}-title`} onClose={onClose} onSubmit={submit}>
      <h2 id={`${id}-title`}>{t('templates.rename.title')}</h2>
      <p className="sm-builder__intro">{t('templates.rename.intro')}</p>
      {HOUSES.map((key) => (
        <div className="sm-builder__field" key={key}>
          <label htmlFor={`${id}-${key}`}>{zoneLabel(key, locale, labels)}</label>
          <input id={`${id}-${key}`} name={key} value={names[key] ?? ''} onChange={(e) => setNames((n) => ({ ...n, [key]: e.target.value }))} />
        </div>
      ))}
      <div className="sm-builder__actions">
        <button type="button" onClick={onClose}>
          {t('templates.cancel')}
        </button>
        <button type="submit" className="sm-builder__save">
          {t('templates.rename.save')}
        </button>
      </div>
    </CanvasDialog>
  )
}
