/**
 * Owns the shared setup of map-model's unit tests: a meeting doc with the template written,
 * tldraw's real validators (a `Store` built from `createSafetyMapSchema`), and hand-built records
 * for shapes that other clients (the canvas) would write. Test-only; never imported by `src/index.ts`.
 *
 * ```ts
 * const doc = newMeetingDoc()
 * addItem(doc, 'harm', 'text', AUTHOR, { now: NOW })
 * expectAllRecordsValid(doc)
 * ```
 */
import { Store } from '@tldraw/store'
import type { TLRecord, TLStoreProps } from '@tldraw/tlschema'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { RECORDS_ARRAY_NAME } from '../lib/docLayout.ts'
import { readRecordMap, type RecordEntry } from '../lib/recordEntries.ts'
import { writeSafetyMapTemplate } from '../lib/writeSafetyMapTemplate.ts'
import type { Locale } from '../lib/zoneKeys.ts'
import { createSafetyMapSchema } from '../schema.ts'

export const SCHEMA = createSafetyMapSchema()
export const SERIALIZED_SCHEMA = SCHEMA.serialize()
export const NOW = new Date('2026-11-25T10:00:00.000Z')
export const AUTHOR = { id: 'participant-ana', name: 'Ana Ruiz' } as const

/** A fresh doc with the template written, as the server creates a meeting. */
export function newMeetingDoc(options: { title?: string; locale?: Locale } = {}): Y.Doc {
  const doc = new Y.Doc()
  writeSafetyMapTemplate(doc, {
    title: options.title ?? 'Kai family meeting',
    locale: options.locale ?? 'en',
    schema: SERIALIZED_SCHEMA,
    now: NOW,
  })
  return doc
}

/** The records array through `YKeyValue`, as the canvas binding opens it. */
export function openKeyValue(doc: Y.Doc): YKeyValue<Record<string, unknown>> {
  return new YKeyValue(doc.getArray<RecordEntry<Record<string, unknown>>>(RECORDS_ARRAY_NAME))
}

/** A tldraw store on the meeting schema: `put` runs tldraw's own validators (MM-13). */
export function newValidatingStore() {
  const props = {
    defaultName: '',
    onMount: () => undefined,
  } as unknown as TLStoreProps
  return new Store<TLRecord, TLStoreProps>({ schema: SCHEMA, props })
}

/** Puts every record of the doc through a tldraw store; throws on the first invalid one. */
export function expectAllRecordsValid(doc: Y.Doc): number {
  const store = newValidatingStore()
  const records = [...readRecordMap(doc).values()] as TLRecord[]
  store.put(records)
  return records.length
}

/** Sends everything `from` has to `to` (one direction). */
export function syncOneWay(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
}

/** A record as another client writes it: plain JSON with an id. */
export type RawRecord = { id: string } & Record<string, unknown>

/** A schema-valid frame record, as the canvas writes it. */
export function frameRecord(options: {
  id: string
  x: number
  y: number
  w: number
  h: number
  rotation?: number
  parentId?: string
  index?: string
}): RawRecord {
  return {
    id: options.id,
    typeName: 'shape',
    type: 'frame',
    x: options.x,
    y: options.y,
    rotation: options.rotation ?? 0,
    index: options.index ?? 'b10',
    parentId: options.parentId ?? 'page:page',
    isLocked: false,
    opacity: 1,
    props: { w: options.w, h: options.h, name: 'Frame', color: 'black' },
    meta: {},
  }
}

/** A schema-valid note record as the canvas writes it, top-left at (x, y) in its parent. */
export function noteRecord(options: {
  id: string
  x: number
  y: number
  text?: string
  parentId?: string
  index?: string
  rotation?: number
  growY?: number
  scale?: number
  meta?: Record<string, unknown>
}): RawRecord {
  return {
    id: options.id,
    typeName: 'shape',
    type: 'note',
    x: options.x,
    y: options.y,
    rotation: options.rotation ?? 0,
    index: options.index ?? 'b11',
    parentId: options.parentId ?? 'page:page',
    isLocked: false,
    opacity: 1,
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 1,
      align: 'middle',
      verticalAlign: 'middle',
      growY: options.growY ?? 0,
      url: '',
      richText: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: options.text ?? options.id }] }],
      },
      scale: options.scale ?? 1,
      textLastEditedBy: null,
    },
    meta: options.meta ?? { authorId: 'canvas-user', authorName: 'Facilitator', createdAt: NOW.toISOString() },
  }
}

/**
 * A schema-valid tldraw arrow from note `fromId` to note `toId` with its two `arrow` bindings, as
 * the arrow tool writes them (an ecomap tie, MM-37); `to: null` leaves the end loose.
 */
export function arrowRecords(options: { id: string; fromId: string; toId: string | null; meta?: Record<string, unknown> }): RawRecord[] {
  const arrow: RawRecord = {
    id: options.id,
    typeName: 'shape',
    type: 'arrow',
    x: 0,
    y: 0,
    rotation: 0,
    index: 'b20',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    props: {
      kind: 'arc', elbowMidPoint: 0.5, dash: 'draw', size: 'm', fill: 'none', color: 'black', labelColor: 'black', bend: 0,
      start: { x: 0, y: 0 }, end: { x: 100, y: 0 }, arrowheadStart: 'none', arrowheadEnd: 'arrow',
      richText: { type: 'doc', content: [{ type: 'paragraph' }] }, labelPosition: 0.5, font: 'draw', scale: 1,
    },
    meta: options.meta ?? {},
  }
  const binding = (terminal: 'start' | 'end', toId: string): RawRecord => ({
    id: `binding:${options.id.slice('shape:'.length)}-${terminal}`,
    typeName: 'binding',
    type: 'arrow',
    fromId: options.id,
    toId,
    props: { terminal, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' },
    meta: {},
  })
  return [arrow, binding('start', options.fromId), ...(options.toId === null ? [] : [binding('end', options.toId)])]
}
