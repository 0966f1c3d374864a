/**
 * The facilitator's "Invite someone" control: choose what the person can do (write, or look
 * only), a link for one person (works once) or a shared link for everyone in the room, who it is
 * for, and whether joiners wait in the lobby (on by default for shared links). The made link is
 * shown read-only (`data-testid="invite-url"`) with a Copy button and a QR code drawn on this
 * device, until it stops working (used by its one person, stopped, or expired): then the panel says
 * so and offers a new one instead. Below, the links that work now, each with "Stop this link"
 * (`data-testid="invite-list"`).
 * A journal link is for one named person (the name is asked for) and opens only the safety journal,
 * for the days chosen (30 by default): so a grandmother who supervises visits can write how they
 * went between meetings. Once the meeting has ended (`journalOnly`) it is the only link offered.
 * Links carry their secret in the fragment, so they are safe to paste into a text message.
 * Once a link is made the keyboard moves to it, and a screen reader reads it with how to use it.
 * While a new link is being made the earlier one is not shown, so nobody copies the wrong one.
 *
 *   {role === 'facilitator' ? <InvitePanel meetingId={meeting.id} roster={roster} journalOnly={ended} /> : null}
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react'
import { JOURNAL_LINK_DAYS } from '@safetymap/map-model'
import { api, type Invite, type InviteDetails, type InviteKind } from '../api/api.ts'
import { BusyButton } from '../access/BusyButton.tsx'
import { formatDateTime } from '../access/formatDateTime.ts'
import { QrCode } from '../access/QrCode.tsx'
import '../access/access.css'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { FormError } from '../ui/FormError.tsx'
import { TextField } from '../ui/TextField.tsx'

type CopyState = 'idle' | 'copied' | 'failed'

/** setTimeout's longest wait; a later expiry is checked again then. */
const MAX_TIMER_MS = 2 ** 31 - 1

const INVITE_ROLES = ['editor', 'viewer'] as const
const INVITE_KINDS: readonly InviteKind[] = ['personal', 'shared', 'journal']
const KIND_KEY = { personal: 'invite.kind.personal', shared: 'invite.kind.shared', journal: 'invite.kind.journal' } as const satisfies Record<InviteKind, MessageKey>

/**
 * Creates and shows invite links for `meetingId`, and lists the ones that work now. `roster` is
 * only watched: someone joining uses up a one-person link, so the list is asked for again.
 */
export function InvitePanel({ meetingId, roster, journalOnly = false }: { meetingId: string; roster: unknown; journalOnly?: boolean }) {
  const { t, locale } = useI18n()
  const ids = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const [role, setRole] = useState<'editor' | 'viewer'>('editor')
  const [chosenKind, setKind] = useState<InviteKind>('personal')
  const kind = journalOnly ? 'journal' : chosenKind
  const [label, setLabel] = useState('')
  const [days, setDays] = useState(String(JOURNAL_LINK_DAYS.default))
  const [lobby, setLobby] = useState(false)
  const [invite, setInvite] = useState<(Invite & InviteDetails) | null>(null)
  /** Every invite of the meeting, as last listed (used and stopped ones too). */
  const [listed, setListed] = useState<readonly InviteDetails[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<MessageKey | null>(null)
  const [copyState, setCopyState] = useState<CopyState>('idle')

  const refresh = useCallback(async () => {
    const result = await api.listInvites(meetingId)
    if (result.ok) setListed(result.value.invites)
  }, [meetingId])

  useEffect(() => {
    void refresh()
  }, [refresh, roster])

  useEffect(() => {
    // The made link stops working at its expiry even if nobody joins: list again then.
    if (!invite) return
    const timer = setTimeout(() => void refresh(), Math.min(Math.max(Date.parse(invite.expiresAt) - Date.now(), 0), MAX_TIMER_MS))
    return () => clearTimeout(timer)
  }, [invite, refresh])

  const now = Date.now()
  const active = listed.filter((item) => stillWorks(item, now))
  // The made link as last listed (the new one itself until the list catches up).
  const made = invite ? (listed.find((item) => item.id === invite.id) ?? invite) : null
  const madeWorks = made !== null && stillWorks(made, now)

  useEffect(() => {
    // Only a press of "Invite someone" sets a new invite.
    if (invite) inputRef.current?.focus()
  }, [invite])

  const chooseKind = (next: InviteKind) => {
    setKind(next)
    setLobby(next === 'shared')
  }

  const createInvite = async () => {
    const trimmed = label.trim()
    const dayCount = Number(days)
    if (kind === 'journal' && !trimmed) return setError('invite.journalNameRequired')
    if (kind === 'journal' && !(Number.isInteger(dayCount) && dayCount >= JOURNAL_LINK_DAYS.min && dayCount <= JOURNAL_LINK_DAYS.max)) {
      return setError('invite.daysInvalid')
    }
    // The link on screen may already be sent or used: take it away until the new one arrives, so
    // it cannot be copied by mistake, and leave it gone if making the new one fails.
    if (madeWorks) setInvite(null)
    setBusy(true)
    setError(null)
    setCopyState('idle')
    const result = await api.createInvite(
      meetingId,
      kind === 'journal' ? { kind, label: trimmed, days: dayCount } : { role, kind, lobby, ...(trimmed ? { label: trimmed } : {}) },
    )
    setBusy(false)
    if (!result.ok) return setError(result.error.messageKey)
    setInvite(result.value)
    setLabel('')
    void refresh()
  }

  const revoke = async (inviteId: string) => {
    setError(null)
    const result = await api.revokeInvite(meetingId, inviteId)
    if (!result.ok) setError(result.error.messageKey)
    void refresh()
  }

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url)
      setCopyState('copied')
    } catch {
      inputRef.current?.select()
      setCopyState('failed')
    }
  }

  const formatTime = (iso: string) => formatDateTime(iso, locale)

  return (
    <div className="invite">
      {kind === 'journal' ? null : (
        <fieldset className="choices">
          <legend>{t('invite.role')}</legend>
          {INVITE_ROLES.map((value) => (
            <label key={value} className="choice">
              <input type="radio" name={`${ids}-role`} checked={role === value} onChange={() => setRole(value)} />
              {t(value === 'editor' ? 'whosHere.role.editor' : 'whosHere.role.viewer')}
            </label>
          ))}
        </fieldset>
      )}
      {journalOnly ? null : (
        <fieldset className="choices">
          <legend>{t('invite.kind')}</legend>
          {INVITE_KINDS.map((value) => (
            <label key={value} className="choice">
              <input type="radio" name={`${ids}-kind`} checked={kind === value} onChange={() => chooseKind(value)} />
              {t(KIND_KEY[value])}
            </label>
          ))}
        </fieldset>
      )}
      {kind === 'journal' ? (
        <>
          <p className="muted">{t('invite.journalNote')}</p>
          <TextField label={t('invite.journalLabel')} maxLength={60} value={label} onChange={setLabel} required />
          <TextField
            label={t('invite.days')}
            type="number"
            inputMode="numeric"
            min={JOURNAL_LINK_DAYS.min}
            max={JOURNAL_LINK_DAYS.max}
            value={days}
            onChange={setDays}
          />
        </>
      ) : (
        <>
          <TextField label={t('invite.label')} hint={t('invite.labelHint')} maxLength={80} value={label} onChange={setLabel} />
          <label className="choice">
            <input type="checkbox" checked={lobby} onChange={(event) => setLobby(event.target.checked)} />
            {t('invite.lobby')}
          </label>
        </>
      )}
      <BusyButton type="button" onClick={createInvite} busy={busy}>
        {busy ? t('invite.busy') : t(kind === 'journal' ? 'invite.journalButton' : 'invite.button')}
      </BusyButton>
      <FormError messageKey={error} />
      {made && !madeWorks ? (
        <div className="invite-stale" role="status" data-testid="invite-stale">
          <p>{t(made.kind !== 'shared' && (made.uses ?? 0) > 0 ? 'invite.madeUsed' : 'invite.madeStopped')}</p>
          <BusyButton type="button" onClick={createInvite} busy={busy}>
            {busy ? t('invite.busy') : t('invite.makeNew')}
          </BusyButton>
        </div>
      ) : null}
      {invite && madeWorks ? (
        <>
          <label htmlFor={`${ids}-url`}>{t('invite.url')}</label>
          <div className="invite-row">
            <input
              id={`${ids}-url`}
              ref={inputRef}
              data-testid="invite-url"
              type="text"
              readOnly
              value={invite.url}
              aria-describedby={`${ids}-help`}
              onFocus={(event) => event.target.select()}
            />
            <button type="button" onClick={() => copy(invite.url)}>
              {t('invite.copy')}
            </button>
          </div>
          <p className="muted" role="status">
            {copyState === 'copied' ? t('invite.copied') : copyState === 'failed' ? t('invite.copyFailed') : ''}
          </p>
          <QrCode text={invite.url} label={t('invite.qr')} />
          <p className="muted" id={`${ids}-help`} data-testid="invite-help">
            {invite.kind === 'journal'
              ? t('invite.journalHelp', { name: invite.label ?? '', time: formatTime(invite.expiresAt) })
              : t('invite.help', { time: formatTime(invite.expiresAt) })}
          </p>
        </>
      ) : null}
      <h3>{t('invite.activeHeading')}</h3>
      {active.length === 0 ? <p className="muted">{t('invite.none')}</p> : null}
      <ul className="invite-list" data-testid="invite-list">
        {active.map((item) => (
          <li key={item.id}>
            <span>
              {item.label ? `${item.label} · ` : ''}
              {item.kind === 'journal' ? (
                t('invite.kind.journalShort')
              ) : (
                <>
                  {t(KIND_KEY[item.kind])} · {t(item.role === 'viewer' ? 'whosHere.role.viewer' : 'whosHere.role.editor')}
                </>
              )}
              {item.lobby ? ` · ${t('invite.withLobby')}` : ''} · {t('invite.untilShort', { time: formatTime(item.expiresAt) })}
            </span>
            <button type="button" className="danger" onClick={() => revoke(item.id)}>
              {t('invite.revoke')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** Whether an invite can still let someone in: not turned off, not expired, a personal one unused. */
function stillWorks(invite: InviteDetails, now: number): boolean {
  if (invite.revoked) return false
  if (Date.parse(invite.expiresAt) <= now) return false
  return invite.kind === 'shared' || (invite.uses ?? 0) === 0
}
