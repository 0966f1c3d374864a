/**
 * `@safetymap/tldraw-yjs`: binds a tldraw 5.4.2 store to a meeting's Y.Doc (records, schema) and
 * to Yjs awareness (presence, who's here). The core (`bindStoreToYDoc`, `bindPresence`, awareness
 * helpers) is React-free; `useYjsStore` is the web app's entry point. Every export is listed here
 * by name; nothing under `src/lib/` is imported from outside.
 */
export {
  AWARENESS_USER_FIELD,
  MAX_AWARENESS_USER_ID_LENGTH,
  MAX_AWARENESS_USER_NAME_LENGTH,
  MAX_AWARENESS_USER_TAG_LENGTH,
  createTLUserFromParticipant,
  readAwarenessUser,
  readPeers,
  setAwarenessUser,
  type AwarenessUser,
  type Peer,
} from './lib/awarenessUser.ts'
export {
  AWARENESS_PRESENCE_FIELD,
  MAX_REMOTE_PRESENCES,
  PRESENCE_PUBLISH_FPS,
  PRESENCE_PUBLISH_INTERVAL_MS,
  bindPresence,
  type AwarenessPresence,
  type BindPresenceOptions,
  type InvalidPresenceReport,
  type PresenceBinding,
} from './lib/bindPresence.ts'
export {
  LOCAL_FLUSH_FPS,
  LOCAL_FLUSH_INTERVAL_MS,
  MAX_PENDING_LOCAL_RECORDS,
  bindStoreToYDoc,
  type BindStoreToYDocOptions,
  type YjsStoreBinding,
  type YjsStoreBindingState,
} from './lib/bindStoreToYDoc.ts'
export { checkDocSchema, type DocSchemaVerdict } from './lib/checkDocSchema.ts'
export {
  META_MAP_NAME,
  META_SCHEMA_KEY,
  RECORDS_ARRAY_NAME,
  getMetaMap,
  openRecordsKeyValue,
  readDocSchemaValue,
  readRecordValues,
  type RecordEntry,
} from './lib/docLayout.ts'
export {
  SCHEMA_STATUS,
  reconcileDocSchema,
  type ReconcileDocSchemaOptions,
  type ReconcileDocSchemaResult,
  type SchemaStatus,
} from './lib/reconcileDocSchema.ts'
export { createStoreOrigin, isStoreOrigin, type StoreOrigin } from './lib/origins.ts'
export {
  INVALID_RECORD_REASON,
  validateRemoteRecord,
  type InvalidRecordReason,
  type InvalidRecordReport,
  type RemoteRecordResult,
} from './lib/validateRemoteRecord.ts'
export { useYjsStore, type UseYjsStoreOptions, type UseYjsStoreResult } from './lib/useYjsStore.ts'
