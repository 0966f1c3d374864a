/**
 * Owns the words typed into open forms until they are sent or cancelled: the phone's "Add to …"
 * form, a note's "Change" form and a number with its reasons keep them here, per meeting and per form, so a reload (a dropped
 * tab, a phone that reloads a page it put to sleep) reopens the form with the words in it; the
 * board's builders for a new card keep theirs when closed with Escape or Cancel, or when the map
 * is finished while one is open.
 * sessionStorage, not localStorage: it goes with the tab, so a shared phone does not keep a
 * family's words once the tab is closed.
 *
 *   const drafts = createDrafts(meetingId)
 *   drafts.set(addFormKey('strengths'), { text: 'Lorna walks Kai' })
 *   drafts.get(addFormKey('strengths')) // { text: 'Lorna walks Kai' }, after a reload too
 *   drafts.set(addFormKey('strengths'), null) // sent or cancelled
 */

/** Most forms remembered per meeting; past it the oldest is dropped (a note's change form outlives a note someone removed). */
export const MAX_DRAFTS = 20

/** What one form holds. */
export interface Draft {
  readonly text: string
  /** A change form's note words when it opened, to tell a change someone made meanwhile. */
  readonly base?: string
  /** A builder's fields by name (its `text` is then ''). */
  readonly fields?: Readonly<Record<string, string>>
  /** A builder's "someone's own words" flag. */
  readonly quote?: boolean
}

/** The drafts of one meeting's forms in this tab. */
export interface Drafts {
  get(form: string): Draft | null
  /** Keeps `draft` for `form`, or forgets it (`null`). */
  set(form: string, draft: Draft | null): void
  /** Forgets every draft of the meeting. */
  clear(): void
}

/** Where `createDrafts` keeps them (an in-memory stand-in works in tests). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/** The form that adds to a map section (`addFormKey('strengths')`) or to a placed template's zone. */
export function addFormKey(zone: string, placementId?: string): string {
  return placementId === undefined ? `add:${zone}` : `add:${placementId}:${zone}`
}

/** The form that changes a note. */
export function changeFormKey(itemId: string): string {
  return `change:${itemId}`
}

/** The phone's form that gives or changes her number on scaling line `scaleId`. */
export function markFormKey(scaleId: string): string {
  return `mark:${scaleId}`
}

/** The board's builder for a new card of `kind` (`builderFormKey('danger')`). */
export function builderFormKey(kind: string): string {
  return `builder:${kind}`
}

/** The form that adds an entry to the safety journal. */
export const JOURNAL_FORM_KEY = 'journal:add'

function tabStorage(): DraftStorage | null {
  try {
    return window.sessionStorage
  } catch {
    return null
  }
}

const isDraft = (value: unknown): value is Draft => {
  if (typeof value !== 'object' || value === null) return false
  const { text, base, fields, quote } = value as Record<string, unknown>
  return (
    typeof text === 'string' &&
    (base === undefined || typeof base === 'string') &&
    (fields === undefined || (typeof fields === 'object' && fields !== null && Object.values(fields).every((v) => typeof v === 'string'))) &&
    (quote === undefined || typeof quote === 'boolean')
  )
}

/** Same words, so keeping it again writes nothing (fields come in the same order from the same form). */
const sameDraft = (a: Draft, b: Draft): boolean =>
  a.text === b.text && a.base === b.base && a.quote === b.quote && JSON.stringify(a.fields) === JSON.stringify(b.fields)

function load(storage: DraftStorage | null, key: string): [string, Draft][] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '[]')
    if (!Array.isArray(parsed)) return []
    return parsed
      .filter((entry): entry is [string, Draft] => Array.isArray(entry) && typeof entry[0] === 'string' && isDraft(entry[1]))
      .slice(-MAX_DRAFTS)
  } catch {
    return []
  }
}

/** The drafts of `meetingId`, loaded from `storage`. */
export function createDrafts(meetingId: string, storage: DraftStorage | null = tabStorage()): Drafts {
  const key = `safetymap.drafts.${meetingId}`
  // Oldest first.
  let entries = load(storage, key)
  const save = () => {
    try {
      if (entries.length === 0) storage?.removeItem(key)
      else storage?.setItem(key, JSON.stringify(entries))
    } catch {
      // Storage full or blocked: the words stay on screen, only a reload loses them.
    }
  }
  return {
    get: (form) => entries.find(([f]) => f === form)?.[1] ?? null,
    set(form, draft) {
      const current = entries.find(([f]) => f === form)?.[1]
      if (draft === null ? current === undefined : current !== undefined && sameDraft(current, draft)) return
      const others = entries.filter(([f]) => f !== form)
      entries = draft === null ? others : [...others, [form, draft] as [string, Draft]].slice(-MAX_DRAFTS)
      save()
    },
    clear() {
      if (entries.length === 0) return
      entries = []
      save()
    },
  }
}
