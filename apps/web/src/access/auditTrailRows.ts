/**
 * Turns a meeting's audit entries (ids, action codes, times) into the lines the facilitator
 * reads: when, who (name and role, looked up in the roster now, so the log itself never holds a
 * name) and what, newest first. Nothing of the map is in an entry, so nothing of it shows here.
 *
 *   auditTrailRows(entries, roster, t, 'es')[0] // { key: '12', when: '12 may 2026, 10:04 GMT-7', who: 'Ana Ruiz · Dirige la reunión', what: 'Exportó el mapa (pdf)' }
 */
import type { Locale } from '@safetymap/map-model'
import type { AuditEntry, MeetingRole, RosterEntry } from '../api/api.ts'
import { isMessageKey, type MessageKey } from '../i18n/messages.ts'
import type { MessageVars } from '../i18n/translate.ts'

/** One line of the trail. */
export interface AuditTrailRow {
  readonly key: string
  readonly at: string
  readonly when: string
  readonly who: string
  readonly what: string
}

type Translate = (key: MessageKey, vars?: MessageVars) => string

const ROLE_LABEL: Readonly<Record<MeetingRole, MessageKey>> = {
  facilitator: 'whosHere.role.facilitator',
  editor: 'whosHere.role.editor',
  viewer: 'whosHere.role.viewer',
}

/** Details worth a word, as plain codes (a format, a role); never free text. */
const SHOWN_DETAILS = ['format', 'language', 'version', 'from', 'to', 'reason'] as const

/** The meeting details a change names (`fields`, comma-separated codes), in the order given. */
function changedFieldLabels(fields: unknown, t: Translate): string[] {
  if (typeof fields !== 'string') return []
  return fields.split(',').flatMap((field) => {
    const key = `audit.field.${field}`
    return isMessageKey(key) ? [t(key)] : []
  })
}

function personLabel(person: RosterEntry | undefined, t: Translate): string | null {
  return person ? t('audit.actor.named', { name: person.name, role: t(ROLE_LABEL[person.role]) }) : null
}

function whoLabel(actor: AuditEntry['actor'], people: ReadonlyMap<string, RosterEntry>, t: Translate): string {
  if (actor.kind === 'worker' || actor.kind === 'participant') return personLabel(people.get(actor.id), t) ?? t(`audit.actor.${actor.kind}`)
  return t(`audit.actor.${actor.kind}`)
}

function whatLabel(entry: AuditEntry, people: ReadonlyMap<string, RosterEntry>, t: Translate): string {
  const actionKey = `audit.action.${entry.action}`
  const action = isMessageKey(actionKey) ? t(actionKey) : entry.action
  const details = [
    ...SHOWN_DETAILS.flatMap((name) => {
      const value = entry.details[name]
      return typeof value === 'string' || typeof value === 'number' ? [String(value)] : []
    }),
    ...changedFieldLabels(entry.details['fields'], t),
  ]
  const subject = entry.subjectId ? people.get(entry.subjectId) : undefined
  const withSubject = subject ? t('audit.aboutPerson', { what: action, name: subject.name }) : action
  return details.length > 0 ? `${withSubject} (${details.join(', ')})` : withSubject
}

/**
 * The trail's lines, newest first. Times carry their zone, since a trail read for a court or a
 * review may be read far from where the meeting was; `timeZone` is the reader's unless given.
 */
export function auditTrailRows(
  entries: readonly AuditEntry[],
  roster: readonly RosterEntry[] | null,
  t: Translate,
  locale: Locale,
  timeZone?: string,
): AuditTrailRow[] {
  const people = new Map((roster ?? []).map((person) => [person.id, person]))
  const time = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  })
  return [...entries]
    .sort((a, b) => b.seq - a.seq)
    .map((entry) => ({
      key: String(entry.seq),
      at: entry.at,
      when: time.format(new Date(entry.at)),
      who: whoLabel(entry.actor, people, t),
      what: whatLabel(entry, people, t),
    }))
}
