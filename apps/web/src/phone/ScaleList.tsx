/**
 * The scaling lines on the phone (domain guide §4): the overall line, then one per worry, each
 * with everyone's marks and reasons, and — for a person who may write — "Give your rating" /
 * "Change your rating", which opens {@link MarkForm}. Each person has one mark per line
 * (`writeScalingMark` keys it by person and line), so changing it moves the same mark. A line the
 * facilitator made private until the reveal shows only who has rated ("Ana has rated"); a number
 * given there goes to the server, never into the doc (map-model MM-22 … MM-24). {@link ScaleMarks}
 * is a line's marks alone, read-only, as a Safety House's path to the door shows them. A number
 * form open when the map is finished or the connection ends keeps what she changed on screen. A
 * form she left open with changes in it reopens after a reload (its draft, ui/drafts.ts).
 *
 *   <ScaleList rows={scaleRows(map, user.id)} canWrite selfId={user.id} isPending={has} onRate={rate} />
 *   <ScaleMarks row={pathRow(path, map, user.id)} title="Path to the door (0–10)" selfId={user.id} isPending={has} />
 */
import { composeDangerStatement, type MapScalingMark, type ScalingReasons } from '@safetymap/map-model'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { HiddenRatingInput } from '../canvas/ratingsApi.ts'
import { markFormKey, type Drafts } from '../ui/drafts.ts'
import type { KeptWhy } from './KeptWords.tsx'
import { MarkForm } from './MarkForm.tsx'
import { NotSent, SendMark } from './NotSent.tsx'
import type { SendOutcome } from './pendingRatings.ts'
import { ownStart, scaleEndsText, type ScaleRow } from './scaleRows.ts'
import type { TypedWords } from './typedWords.ts'
import { useInlineForm } from './useInlineForm.ts'
import { earlierKey } from '../ratings/earlierRatings.ts'
import { formatScaleValue, lastTimeText } from '../ratings/lastTimeText.ts'
import { EarlierRatingsContext } from '../ratings/useEarlierRatings.ts'
import { useContext, useId, useState } from 'react'

/** Props of {@link ScaleList}. */
export interface ScaleListProps {
  readonly rows: readonly ScaleRow[]
  readonly canWrite: boolean
  readonly selfId: string
  readonly isPending: (id: string) => boolean
  /**
   * Saves the person's number: into the doc on a public line, to the server on a private one
   * (`isPrivate`): `sent`, `kept` on the phone until the network is back, or `refused`.
   */
  readonly onRate: (scaleId: string, value: number, reasons: ScalingReasons, isPrivate: boolean) => Promise<SendOutcome>
  /** The person's own number on a private line, as the server keeps it (`null` when none or unreachable). */
  readonly loadPrivate: (scaleId: string) => Promise<(ScalingReasons & { readonly value: number }) | null>
  /** The person's private number still waiting on this phone to be sent, or `null`. */
  readonly unsentPrivate: (scaleId: string) => HiddenRatingInput | null
  /** Whether the server refused the person's last private number on this line (sent from the queue). */
  readonly privateRefused: (scaleId: string) => boolean
  /** Why an open number form now only shows what she changed (KeptWords.tsx), or `null` while it saves. */
  readonly kept: KeptWhy | null
  /** Where open number forms tell what she changed, for the page to show if the map is withdrawn. */
  readonly typed: TypedWords
  /** The tab's drafts, where open number forms keep what she changed through a reload. */
  readonly drafts: Drafts
}

/** Every scaling line. */
export function ScaleList({ rows, ...line }: ScaleListProps) {
  return (
    <div className="phone-scales" data-testid="phone-scales">
      <ul className="phone-items">
        {rows.map((row) => (
          <ScaleLine key={row.scaleId} row={row} {...line} />
        ))}
      </ul>
    </div>
  )
}

function lineTitle(row: ScaleRow, t: ReturnType<typeof useI18n>['t']): string {
  if (row.statement) return t('toolkit.card.worry', { number: row.statement.number })
  return row.orphan ? t('phone.scale.gone') : t('toolkit.mark.overall')
}

function ScaleLine({ row, canWrite, selfId, isPending, onRate, loadPrivate, unsentPrivate, privateRefused, kept, typed, drafts }: Omit<ScaleListProps, 'rows'> & { row: ScaleRow }) {
  const { t, locale } = useI18n()
  const id = useId()
  const formKey = markFormKey(row.scaleId)
  const [open, setOpen] = useState(() => drafts.get(formKey) !== null)
  const [saved, setSaved] = useState('')
  const [failed, setFailed] = useState(false)
  const [saving, setSaving] = useState(false)
  const isPrivate = row.hidden !== null
  // A private number lives on the server, not in the doc: fetched when the person changes it.
  const [privateOwn, setPrivateOwn] = useState<MapScalingMark | null>(null)
  const unsent = isPrivate ? unsentPrivate(row.scaleId) : null
  const openForm = () => {
    setOpen(true)
    setPrivateOwn(unsent ? { id: '', participantId: selfId, participantName: '', createdAt: '', ...unsent } : null)
    if (!isPrivate || !row.ownRated || unsent) return
    void loadPrivate(row.scaleId).then((mine) => {
      if (mine) setPrivateOwn({ id: '', participantId: selfId, participantName: '', createdAt: '', ...mine })
    })
  }
  const title = lineTitle(row, t)
  const form = useInlineForm(() => {
    setOpen(false)
    drafts.set(formKey, null)
  })
  return (
    <li className="phone-item phone-scale" data-testid="scale-line" data-scale-id={row.scaleId} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="phone-card-label">
        {title}
      </h3>
      {row.statement ? <p className="phone-scale-about">{composeDangerStatement(row.statement.slots, locale)}</p> : null}
      <ScaleMarks row={row} title={title} selfId={selfId} isPending={isPending} />
      {unsent ? (
        <p className="phone-mark-head" data-testid="private-unsent">
          <span>{t('phone.scale.yourNumber', { value: formatScaleValue(unsent.value, locale) })}</span>
          <NotSent />
        </p>
      ) : null}
      {isPrivate && privateRefused(row.scaleId) && !open ? (
        <p className="form-error" role="alert">
          {t('phone.scale.refused')}
        </p>
      ) : null}
      <p className={isPrivate && saved ? 'phone-muted' : 'phone-visually-hidden'} role="status">
        {saved}
      </p>
      {(canWrite || (kept && open)) && !row.orphan ? (
        open ? (
          <>
            <MarkForm
              key={privateOwn ? 'private-loaded' : 'form'}
              title={title}
              ends={row.ends}
              own={ownStart(row, privateOwn)}
              kept={kept}
              typed={typed}
              drafts={drafts}
              formKey={formKey}
              saving={saving}
              onCancel={() => {
                setFailed(false)
                form.close()
              }}
              onSave={(value, reasons) => {
                setSaving(true)
                void onRate(row.scaleId, value, reasons, isPrivate).then((outcome) => {
                  setSaving(false)
                  setFailed(outcome === 'refused')
                  if (outcome === 'refused') return
                  setSaved(
                    outcome === 'kept' ? t('phone.scale.keptOffline')
                    : isPrivate ? t('toolkit.hidden.saved')
                    : t('phone.mark.saved', { scale: title, value: formatScaleValue(value, locale) }),
                  )
                  form.close()
                })
              }}
            />
            {failed ? (
              <p className="form-error" role="alert">
                {t('toolkit.hidden.failed')}
              </p>
            ) : null}
          </>
        ) : (
          <button type="button" ref={form.openerRef} className="phone-add-open" aria-describedby={`${id}-h`} onClick={openForm}>
            {row.own || row.ownRated ? t('phone.mark.change') : t('phone.mark.give')}
          </button>
        )
      ) : null}
    </li>
  )
}

/** Props of {@link ScaleMarks}. */
export interface ScaleMarksProps {
  readonly row: ScaleRow
  /** The line's name, for the list of marks. */
  readonly title: string
  readonly selfId: string
  readonly isPending: (id: string) => boolean
}

/**
 * What a line holds, read-only: what 0 and 10 mean when the facilitator worded them, then the
 * 0–10 line with everyone's marks and their reasons, each beside what that person said when the
 * map was last finished ("Last time: 4"), or, while it is private until the reveal, who has rated
 * it. A Safety House's path shows this alone.
 */
export function ScaleMarks({ row, title, selfId, isPending }: ScaleMarksProps) {
  const { t, locale } = useI18n()
  const earlier = useContext(EarlierRatingsContext)
  const ends = row.ends ? (
    <p className="phone-hint" data-testid="scale-ends">
      {scaleEndsText(row.ends, t)}
    </p>
  ) : null
  if (row.hidden) {
    return (
      <>
        {ends}
        <p className="phone-muted">{t('phone.scale.private')}</p>
        {row.hidden.length === 0 ? (
          <p className="phone-muted">{t('toolkit.hidden.nobodyYet')}</p>
        ) : (
          <ul className="phone-marks" aria-label={t('phone.scale.marksOn', { scale: title })}>
            {row.hidden.map((marker) => (
              <li key={marker.id} className="phone-mark" data-testid="rated-marker" data-participant-id={marker.participantId}>
                {marker.participantId === selfId ? t('phone.scale.youRated') : t('toolkit.hidden.hasRated', { name: marker.participantName })}
              </li>
            ))}
          </ul>
        )}
      </>
    )
  }
  return (
    <>
      {ends}
      <ScaleTrack marks={row.marks} selfId={selfId} />
      {row.marks.length === 0 ? (
        <p className="phone-muted">{t('phone.scale.noMarks')}</p>
      ) : (
        <ul className="phone-marks" aria-label={t('phone.scale.marksOn', { scale: title })}>
          {row.marks.map((mark) => {
            const lastTime = lastTimeText(earlier.get(earlierKey(row.scaleId, mark.participantId)), locale)
            return (
              <li key={mark.id} className="phone-mark" data-testid="scale-mark" data-participant-id={mark.participantId}>
                <p className="phone-mark-head">
                  <span>{mark.participantId === selfId ? t('phone.scale.you') : mark.participantName || t('phone.byUnknown')}</span>
                  <span className="phone-mark-value">{formatScaleValue(mark.value, locale)}</span>
                  {lastTime ? (
                    <span className="phone-muted" data-testid="mark-last-time">
                      {lastTime}
                    </span>
                  ) : null}
                  <SendMark pending={mark.participantId === selfId && isPending(mark.id)} />
                </p>
                {mark.whatMakesItThisHigh ? (
                  <p>
                    <span className="phone-fact-label">{t('toolkit.mark.whatMakesItThisHigh')}</span> {mark.whatMakesItThisHigh}
                  </p>
                ) : null}
                {mark.onePointHigher ? (
                  <p>
                    <span className="phone-fact-label">{t('toolkit.mark.onePointHigher')}</span> {mark.onePointHigher}
                  </p>
                ) : null}
              </li>
            )
          })}
        </ul>
      )}
    </>
  )
}

/** The 0–10 line with a dot per mark: a picture of the spread, for sighted readers (the list says it all). */
function ScaleTrack({ marks, selfId }: { marks: readonly MapScalingMark[]; selfId: string }) {
  return (
    <div className="phone-track" aria-hidden="true">
      <span className="phone-track-end">0</span>
      <span className="phone-track-line">
        {marks.map((mark) => (
          <span
            key={mark.id}
            className={mark.participantId === selfId ? 'phone-track-dot phone-track-dot-self' : 'phone-track-dot'}
            style={{ left: `${Math.min(10, Math.max(0, mark.value)) * 10}%` }}
          />
        ))}
      </span>
      <span className="phone-track-end">10</span>
    </div>
  )
}
