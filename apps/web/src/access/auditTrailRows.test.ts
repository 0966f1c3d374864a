import { beforeAll, describe, expect, it } from 'vitest'
import type { AuditEntry, RosterEntry } from '../api/api.ts'
import { translate } from '../i18n/translate.ts'
import { loadBoardWords, loadCatalogue, type MessageKey } from '../i18n/messages.ts'
import type { MessageVars } from '../i18n/translate.ts'
import { auditTrailRows } from './auditTrailRows.ts'

const person = (id: string, name: string, role: RosterEntry['role'], status: RosterEntry['status'] = 'admitted'): RosterEntry => ({
  id, name, role, status, relationship: null, attendance: null, online: false, consentedAt: null,
})
const entry = (seq: number, action: string, actor: AuditEntry['actor'], extra: Partial<AuditEntry> = {}): AuditEntry => ({
  seq, at: '2026-05-12T10:04:00.000Z', action, actor, meetingId: 'm1', subjectId: null, details: {}, ...extra,
})
const tFor = (locale: 'en' | 'es') => (key: MessageKey, vars?: MessageVars) => translate(locale, key, vars)

describe('auditTrailRows', () => {
  beforeAll(() => Promise.all([loadBoardWords(), loadCatalogue('en'), loadCatalogue('es')]))
  const roster = [person('w1', 'Ana Ruiz', 'facilitator'), person('p1', 'Grandma Lorna', 'editor', 'removed')]
  const entries = [
    entry(1, 'meeting.created', { kind: 'worker', id: 'w1' }),
    entry(2, 'participant.removed', { kind: 'worker', id: 'w1' }, { subjectId: 'p1' }),
    entry(3, 'export.created', { kind: 'worker', id: 'w9' }, { details: { format: 'pdf', sha256: 'abc', version: 'v1' } }),
    entry(4, 'meeting.purged', { kind: 'system', id: 'retention' }, { details: { reason: 'retention' } }),
    entry(5, 'some.future-action', { kind: 'anonymous', id: '-' }),
  ]

  it('names people from the roster at view time, newest first, with plain words for each action', () => {
    const rows = auditTrailRows(entries, roster, tFor('en'), 'en')
    expect(rows.map((r) => [r.who, r.what])).toEqual([
      ['Someone not signed in', 'some.future-action'],
      ['SafetyMap (automatic)', 'Deleted the meeting content (retention)'],
      ['A staff member', 'Exported the map (pdf, v1)'],
      ['Ana Ruiz · Runs the meeting', 'Removed someone from the meeting: Grandma Lorna'],
      ['Ana Ruiz · Runs the meeting', 'Created the meeting'],
    ])
    expect(rows[0]!.when).toMatch(/2026/)
  })

  it('speaks Spanish too', () => {
    const rows = auditTrailRows(entries, roster, tFor('es'), 'es')
    expect(rows.at(-1)).toMatchObject({ who: 'Ana Ruiz · Dirige la reunión', what: 'Creó la reunión' })
    expect(rows[2]!.what).toBe('Exportó el mapa (pdf, v1)')
  })

  it('names the meeting details that changed, in plain words, and gives each time with its time zone', () => {
    const changed = [
      entry(1, 'meeting.details-changed', { kind: 'worker', id: 'w1' }, { details: { fields: 'caseReference,startTime,locale' } }),
      entry(2, 'meeting.details-changed', { kind: 'worker', id: 'w1' }, { details: { fields: 'children,some-future-field' } }),
    ]
    const en = auditTrailRows(changed, roster, tFor('en'), 'en', 'America/Los_Angeles')
    expect(en.map((r) => r.what)).toEqual([
      'Changed the meeting details (children)',
      'Changed the meeting details (case reference, start time, language of the map)',
    ])
    expect(en[0]!.when).toBe('May 12, 2026, 3:04 AM PDT')
    const es = auditTrailRows(changed, roster, tFor('es'), 'es', 'America/Los_Angeles')
    expect(es[1]!.what).toBe('Cambió los datos de la reunión (número de caso, hora de inicio, idioma del mapa)')
    expect(es[0]!.when).toMatch(/^12 may 2026, 3:04.*GMT-7$/)
  })
})
