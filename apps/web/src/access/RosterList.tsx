/**
 * The people in the meeting (`data-testid="whos-here"`, one `li` per person): name, "(you)",
 * how they are connected to the child, how they take part, an online dot, and what they can do.
 * Built from the roster when the server gives one, with anyone connected but not on it (Yjs
 * awareness) added, so the list never misses a person on screen. The facilitator also gets, per
 * family or network member, "What they can do" (can write / can look only) and Remove while the
 * meeting runs; the meeting's owner can also take a co-facilitator off. Only the facilitator's
 * roster carries a remote member's "Not right now" to the talk check (safety/TalkCheck.tsx): it
 * shows as "Can't talk freely now" beside her name. Until the map is finished, the facilitator also
 * ticks, per family or network member, that they signed the release-of-information form (the
 * case file records it).
 *
 *   <RosterList roster={access.roster} peers={peers} selfId={user.id} manage={manage} />
 */
import type { Peer } from '@safetymap/tldraw-yjs'
import type { MeetingRole, RosterEntry } from '../api/api.ts'
import { useEffect, useRef, useState } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { ConfirmAction } from './ConfirmAction.tsx'
import { formatDateTime } from './formatDateTime.ts'
import { RoleChoice } from './RoleChoice.tsx'
import { attendanceKey, isAttendance, relationshipLabel } from './relationships.ts'

const ROLE_LABEL: Readonly<Record<MeetingRole, MessageKey>> = {
  facilitator: 'whosHere.role.facilitator',
  editor: 'whosHere.role.editor',
  viewer: 'whosHere.role.viewer',
}

/** What the facilitator can do to a person on the list. */
export interface RosterManagement {
  /** Left out once the meeting has ended: family and network are out for good then. */
  readonly participants?: {
    readonly setRole: (participantId: string, role: 'editor' | 'viewer') => void | Promise<void>
    readonly remove: (participantId: string) => void | Promise<void>
  }
  /** Given to the meeting's owner only: takes a co-facilitator off. */
  readonly removeFacilitator?: (workerId: string) => void | Promise<void>
  /** Left out once the map is finished: records that a participant signed the release-of-information form; true when saved. */
  readonly releaseConsent?: (participantId: string, signed: boolean) => Promise<boolean>
}

/** One row of the list. */
interface PersonRow {
  readonly key: string
  readonly id: string
  readonly name: string
  readonly relationship: string | null
  readonly attendance: string | null
  readonly role: string
  readonly online: boolean
  readonly color: string | null
  readonly isSelf: boolean
  /** A participant (not a facilitator) the facilitator may manage. */
  readonly manageable: boolean
  /** A facilitator added by the owner (the owner may take them off). */
  readonly coFacilitator: boolean
  /** They answered the talk check "Not right now" (in the facilitator's roster only). */
  readonly cannotTalk: boolean
  /** A facilitator recorded their signed release-of-information form (in the facilitator's roster only). */
  readonly releaseConsent: boolean
  /** Joined by a journal link: writes in the journal, is not in the meeting (in the facilitator's roster only). */
  readonly journalOnly: boolean
  /** When that journal link stops working (ISO 8601), so the facilitator can send a new one in time. */
  readonly journalLinkEndsAt: string | null
}

/** Roster entries let in, plus connected people the roster does not list. */
export function rosterRows(roster: readonly RosterEntry[] | null, peers: readonly Peer[], selfId: string): PersonRow[] {
  const colorById = new Map(peers.map((peer) => [peer.user.id, peer.user.color]))
  const onlineIds = new Set(peers.map((peer) => peer.user.id))
  const rows: PersonRow[] = []
  const listed = new Set<string>()
  for (const entry of roster ?? []) {
    if (entry.status !== 'admitted') continue
    listed.add(entry.id)
    rows.push({
      key: `r-${entry.id}`,
      id: entry.id,
      name: entry.name,
      relationship: entry.relationship,
      attendance: entry.attendance,
      role: entry.role,
      online: entry.online || onlineIds.has(entry.id),
      color: colorById.get(entry.id) ?? null,
      isSelf: entry.id === selfId,
      manageable: entry.role !== 'facilitator',
      coFacilitator: entry.role === 'facilitator' && entry.owner === false,
      cannotTalk: entry.canTalk === 'not-now',
      releaseConsent: entry.releaseConsent === true,
      journalOnly: entry.journalOnly === true,
      journalLinkEndsAt: entry.journalLinkEndsAt ?? null,
    })
  }
  for (const peer of peers) {
    if (listed.has(peer.user.id)) continue
    listed.add(peer.user.id)
    rows.push({
      key: `p-${peer.clientId}`,
      id: peer.user.id,
      name: peer.user.name,
      relationship: null,
      attendance: null,
      role: peer.user.role,
      online: true,
      color: peer.user.color,
      isSelf: peer.isSelf,
      manageable: false,
      coFacilitator: false,
      cannotTalk: false,
      releaseConsent: false,
      journalOnly: false,
      journalLinkEndsAt: null,
    })
  }
  return rows
}

/** Props of {@link RosterList}. */
export interface RosterListProps {
  readonly roster: readonly RosterEntry[] | null
  readonly peers: readonly Peer[]
  readonly selfId: string
  readonly labelledBy: string
  /** Given to the facilitator only. */
  readonly manage: RosterManagement | null
}

/** The people list. */
export function RosterList({ roster, peers, selfId, labelledBy, manage }: RosterListProps) {
  const { t, locale } = useI18n()
  const rows = rosterRows(roster, peers, selfId)
  const participants = manage?.participants
  const list = useRef<HTMLUListElement>(null)
  // Who the facilitator just removed: once their row (and its focused buttons) is gone, the keyboard goes to the list, not to the page.
  const removing = useRef<string | null>(null)
  useEffect(() => {
    if (removing.current === null || rows.some((row) => row.id === removing.current)) return
    removing.current = null
    list.current?.focus()
  })
  const remove = (id: string, removeOne: (id: string) => void | Promise<void>) => {
    removing.current = id
    return removeOne(id)
  }
  return (
    <ul ref={list} tabIndex={-1} className="people" data-testid="whos-here" aria-labelledby={labelledBy}>
      {rows.map((row) => {
        const roleKey = ROLE_LABEL[row.role as MeetingRole] as MessageKey | undefined
        const details = [
          row.relationship ? relationshipLabel(row.relationship, t) : null,
          row.attendance && isAttendance(row.attendance) ? t(attendanceKey(row.attendance)) : null,
          row.journalLinkEndsAt ? t('whosHere.journalUntil', { time: formatDateTime(row.journalLinkEndsAt, locale) }) : null,
        ].filter((part): part is string => part !== null)
        return (
          <li key={row.key} className="person-row" data-person-id={row.id} data-online={row.online}>
            <div className="person">
              <span
                className="person-dot"
                style={{ backgroundColor: row.color ?? 'transparent', border: row.color ? undefined : '2px solid var(--line)' }}
                aria-hidden="true"
              />
              <span className="person-details">
                <span>
                  {row.name}
                  {row.isSelf ? ` ${t('whosHere.you')}` : ''}
                  {row.journalOnly ? (
                    <span className="person-role"> · {t('whosHere.journalOnly')}</span>
                  ) : roleKey ? (
                    <span className="person-role"> · {t(roleKey)}</span>
                  ) : null}
                </span>
                {details.length > 0 ? <span className="person-meta">{details.join(' · ')}</span> : null}
                {row.cannotTalk ? (
                  <span className="person-cannot-talk" data-testid="cannot-talk">
                    {t('talkCheck.cannotTalk')}
                  </span>
                ) : null}
              </span>
              <span
                className="person-online"
                data-online={row.online}
                role="img"
                aria-label={row.online ? t('roster.online') : t('roster.offline')}
                title={row.online ? t('roster.online') : t('roster.offline')}
              />
            </div>
            {manage?.releaseConsent && row.manageable && !row.isSelf ? (
              <ReleaseConsentBox name={row.name} signed={row.releaseConsent} onChange={(signed) => manage.releaseConsent?.(row.id, signed) ?? Promise.resolve(false)} />
            ) : null}
            {participants && row.manageable && !row.isSelf ? (
              <div className="person-actions">
                <RoleChoice name={row.name} role={row.role === 'viewer' ? 'viewer' : 'editor'} onChange={(role) => participants.setRole(row.id, role)} />
                <ConfirmAction
                  label={t('roster.remove')}
                  question={t('roster.removeConfirm', { name: row.name })}
                  confirmLabel={t('roster.removeYes')}
                  onConfirm={() => remove(row.id, participants.remove)}
                />
              </div>
            ) : null}
            {manage?.removeFacilitator && row.coFacilitator && !row.isSelf ? (
              <div className="person-actions">
                <ConfirmAction
                  label={t('roster.remove')}
                  question={t('roster.removeFacilitatorConfirm', { name: row.name })}
                  confirmLabel={t('roster.removeYes')}
                  onConfirm={() => (manage.removeFacilitator ? remove(row.id, manage.removeFacilitator) : undefined)}
                />
              </div>
            ) : null}
          </li>
        )
      })}
    </ul>
  )
}

/**
 * The facilitator's tick that a person signed the release-of-information form; its name says whose.
 * It shows the tick at once and keeps it until the roster says the same, or the save failed.
 */
function ReleaseConsentBox({ name, signed, onChange }: { readonly name: string; readonly signed: boolean; readonly onChange: (signed: boolean) => Promise<boolean> }) {
  const { t } = useI18n()
  const [pending, setPending] = useState<boolean | null>(null)
  useEffect(() => {
    if (pending === signed) setPending(null)
  }, [pending, signed])
  const change = async (next: boolean) => {
    setPending(next)
    if (!(await onChange(next))) setPending(null)
  }
  return (
    <label className="person-release" data-testid="release-consent">
      <input type="checkbox" checked={pending ?? signed} aria-label={t('roster.releaseConsentFor', { name })} onChange={(e) => void change(e.target.checked)} />
      {t('roster.releaseConsent')}
    </label>
  )
}
