/**
 * The facilitator's panel for hidden-until-reveal scaling (map-model MM-22 … MM-24): per scale
 * (overall, then each worry), "Private until shown" and "Show everyone's ratings", with who has
 * rated so far. The switch and the reveal are server calls: the server writes the doc.
 *
 *   <HiddenRatingsPanel doc={doc} meetingId={id} toolkit={toolkit} panelRef={keys.panelRef} onClose={keys.close} />
 */
import { OVERALL_SCALE_ID, readHiddenScales } from '@safetymap/map-model'
import { useEffect, useState, type RefObject } from 'react'
import { useEditor, useValue } from 'tldraw'
import type * as Y from 'yjs'
import { BusyButton } from '../../access/BusyButton.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { ratingsApi } from '../ratingsApi.ts'
import { usePrivateScales } from '../usePrivateScales.ts'
import type { ToolkitState } from './toolkitState.ts'
import { useToolkitCards } from './useToolkitCards.ts'

export interface HiddenRatingsPanelProps {
  readonly doc: Y.Doc
  readonly meetingId: string
  readonly toolkit: ToolkitState
  /** Takes the keyboard when the panel opens (`usePanelKeyboard`). */
  readonly panelRef: RefObject<HTMLElement | null>
  readonly onClose: () => void
}

/** Who has rated each private scale, live from the doc. */
function useRatedNames(doc: Y.Doc): ReadonlyMap<string, readonly string[]> {
  const read = () => new Map(readHiddenScales(doc).map((s) => [s.scaleId, s.rated.map((r) => r.participantName)] as const))
  const [rated, setRated] = useState(read)
  useEffect(() => {
    const update = () => setRated(read())
    doc.on('update', update)
    return () => doc.off('update', update)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc])
  return rated
}

export function HiddenRatingsPanel({ doc, meetingId, toolkit, panelRef, onClose }: HiddenRatingsPanelProps) {
  const { t } = useI18n()
  const editor = useEditor()
  const cards = useToolkitCards(editor)
  const showAuthors = useValue(toolkit.showAuthors)
  const privateScales = usePrivateScales(doc)
  const rated = useRatedNames(doc)
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState(false)
  const scales = [
    { id: OVERALL_SCALE_ID, label: t('toolkit.mark.overall') },
    ...cards.statements.map((s) => ({ id: s.id as string, label: t('toolkit.card.worry', { number: String(cards.numberOf.get(s.id) ?? '') }) })),
  ]

  const run = async (scaleId: string, call: () => Promise<{ ok: boolean }>) => {
    setBusy(scaleId)
    setError(false)
    const result = await call()
    setBusy(null)
    if (!result.ok) setError(true)
  }

  return (
    <section ref={panelRef} tabIndex={-1} className="sm-hidden-ratings" aria-label={t('toolkit.hidden.panel')} onPointerDown={(e) => e.stopPropagation()}>
      <h2>{t('toolkit.hidden.panel')}</h2>
      <ul>
        {scales.map((scale) => {
          const isPrivate = privateScales.includes(scale.id)
          const names = rated.get(scale.id) ?? []
          return (
            <li key={scale.id} data-scale-id={scale.id}>
              <strong>{scale.label}</strong>
              <label>
                {/* Busy, not disabled (as BusyButton): the keyboard stays here while the server answers. */}
                <input
                  type="checkbox"
                  checked={isPrivate}
                  aria-disabled={busy !== null || undefined}
                  onChange={(e) => {
                    if (busy === null) void run(scale.id, () => ratingsApi.setPrivate(meetingId, scale.id, e.target.checked))
                  }}
                />
                {t('toolkit.hidden.private')}
              </label>
              {isPrivate ? (
                <>
                  <span className="sm-hidden-ratings__who" role="status">
                    {names.length === 0
                      ? t('toolkit.hidden.nobodyYet')
                      : showAuthors
                        ? t('toolkit.hidden.ratedBy', { names: names.join(', ') })
                        : t('toolkit.hidden.ratedCount', { count: String(names.length) })}
                  </span>
                  <BusyButton type="button" busy={busy !== null} onClick={() => void run(scale.id, () => ratingsApi.reveal(meetingId, scale.id))}>
                    {t('toolkit.hidden.reveal')}
                  </BusyButton>
                </>
              ) : null}
            </li>
          )
        })}
      </ul>
      {error ? <p role="alert">{t('toolkit.hidden.failed')}</p> : null}
      <button type="button" onClick={onClose}>
        {t('toolkit.hidden.close')}
      </button>
    </section>
  )
}
