/**
 * Owns the meeting's metadata as read from `doc.getMap('meta')` (SPEC MM-2).
 *
 * Reading is lenient on purpose: the phone view renders whatever the doc holds, so a missing or
 * malformed value reads as its fallback (title `''`, locale `'en'`, status `'live'`,
 * templateVersion/schema/createdAt `null`) instead of throwing. Deciding whether the doc is usable
 * (its schema) is the binding's job, from `schema`.
 *
 * ```ts
 * const { title, locale, status } = readMeta(doc)
 * ```
 */
import type { TLSchema } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { META_KEYS, META_MAP_NAME } from './docLayout.ts'
import { isLocale, type Locale } from './zoneKeys.ts'

/**
 * tldraw's serialized store schema (`@tldraw/store`'s `SerializedSchema`, which
 * `@tldraw/tlschema` does not re-export), as returned by `createSafetyMapSchema().serialize()`.
 *
 * @public
 */
export type SerializedSchema = ReturnType<TLSchema['serialize']>

/** States of a meeting (MM-2): `live` while people edit, `finalized` once filed. @public */
export const MEETING_STATUSES = ['live', 'finalized'] as const

/** State of a meeting (MM-2). @public */
export type MeetingStatus = (typeof MEETING_STATUSES)[number]

/** The meeting's metadata (MM-2). @public */
export interface MeetingMeta {
  /** tldraw schema the doc's records follow; `null` before the template is written. */
  readonly schema: SerializedSchema | null
  /** Version of the template the zones were written from; `null` when unknown. */
  readonly templateVersion: number | null
  readonly title: string
  readonly locale: Locale
  readonly status: MeetingStatus
  /** When the meeting doc was set up (ISO 8601), if the writer said. */
  readonly createdAt: string | null
}

function isMeetingStatus(value: unknown): value is MeetingStatus {
  return (MEETING_STATUSES as readonly unknown[]).includes(value)
}

function isSerializedSchema(value: unknown): value is SerializedSchema {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { schemaVersion?: unknown }).schemaVersion === 'number'
  )
}

/**
 * The meeting's metadata, with fallbacks for missing or malformed values. Never mutates the doc.
 *
 * @public
 */
export function readMeta(doc: Y.Doc): MeetingMeta {
  const meta = doc.getMap<unknown>(META_MAP_NAME)
  const schema = meta.get(META_KEYS.schema)
  const templateVersion = meta.get(META_KEYS.templateVersion)
  const title = meta.get(META_KEYS.title)
  const locale = meta.get(META_KEYS.locale)
  const status = meta.get(META_KEYS.status)
  const createdAt = meta.get(META_KEYS.createdAt)
  return {
    schema: isSerializedSchema(schema) ? schema : null,
    templateVersion:
      typeof templateVersion === 'number' && Number.isInteger(templateVersion)
        ? templateVersion
        : null,
    title: typeof title === 'string' ? title : '',
    locale: isLocale(locale) ? locale : 'en',
    status: isMeetingStatus(status) ? status : 'live',
    createdAt: typeof createdAt === 'string' ? createdAt : null,
  }
}
