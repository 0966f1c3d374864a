import { describe, expect, it } from 'vitest'
import type { Peer } from '@safetymap/tldraw-yjs'
import type { RosterEntry } from '../api/api.ts'
import { es as spanish } from '../i18n/catalogues/es.ts'
import { esBoard } from '../i18n/catalogues/esBoard.ts'
import type { MessageKey } from '../i18n/messages.ts'
import { rosterRows } from './RosterList.tsx'
import { relationshipLabel } from './relationships.ts'

const entry = (over: Partial<RosterEntry> & Pick<RosterEntry, 'id' | 'name'>): RosterEntry => ({
  relationship: 'parent',
  attendance: 'in-room',
  role: 'editor',
  status: 'admitted',
  online: false,
  consentedAt: '2026-05-12T10:00:00.000Z',
  ...over,
})

const peer = (clientId: number, id: string, name: string, role = 'editor', isSelf = false): Peer =>
  ({ clientId, isSelf, user: { id, name, color: '#123456', role } }) as Peer

describe('rosterRows', () => {
  it('lists only people let in, marks who is connected, and adds connected people the roster lacks', () => {
    const roster = [
      entry({ id: 'w1', name: 'Ana Ruiz', role: 'facilitator', relationship: 'worker', attendance: null }),
      entry({ id: 'p1', name: 'Grandma Lorna', relationship: 'grandparent', attendance: 'phone' }),
      entry({ id: 'p2', name: 'Waiting Will', status: 'waiting' }),
      entry({ id: 'p3', name: 'Removed Rae', status: 'removed' }),
    ]
    const rows = rosterRows(roster, [peer(1, 'p1', 'Grandma Lorna', 'editor', true), peer(2, 'w2', 'Co-worker Cy', 'facilitator')], 'p1')
    expect(rows.map((r) => [r.name, r.online, r.isSelf, r.manageable])).toEqual([
      ['Ana Ruiz', false, false, false],
      ['Grandma Lorna', true, true, true],
      ['Co-worker Cy', true, false, false],
    ])
  })

  it('marks facilitators the owner added as co-facilitators, never the owner', () => {
    const roster = [
      entry({ id: 'w1', name: 'Ana Ruiz', role: 'facilitator', owner: true }),
      entry({ id: 'w2', name: 'Cy Ortega', role: 'facilitator', owner: false }),
      entry({ id: 'p1', name: 'Grandma Lorna' }),
    ]
    expect(rosterRows(roster, [], 'w1').map((r) => [r.name, r.coFacilitator, r.manageable])).toEqual([
      ['Ana Ruiz', false, false],
      ['Cy Ortega', true, false],
      ['Grandma Lorna', false, true],
    ])
  })

  it('falls back to the connected people when there is no roster', () => {
    expect(rosterRows(null, [peer(3, 'x', 'Kai')], 'y').map((r) => r.name)).toEqual(['Kai'])
  })
})

describe('relationshipLabel', () => {
  it('translates listed relationships and keeps the joiner’s own words', () => {
    const es = (key: MessageKey) => ({ ...spanish, ...esBoard })[key]
    expect(relationshipLabel('grandparent', es)).toBe('Abuela o abuelo')
    // A brother or sister has their own answer, not "Other relative".
    expect(relationshipLabel('sibling', es)).toBe('Hermana o hermano')
    expect(relationshipLabel('Godmother', es)).toBe('Godmother')
  })
})
