/**
 * The restricted document of a meeting: a second Y.Doc, served only to the meeting's workers,
 * holding items family and network roles must never receive (treatment details, an address, a
 * phone number). A CRDT replicates everything it holds, so these items live in a separate doc
 * rather than hidden in the shared one. It has its own doc id in the relay and doc store.
 *
 *   relay.acceptWebSocket(ws, { meetingId: restrictedDocId(meetingId), participantId, role })
 *   for (const docId of meetingDocIds(meetingId)) await relay.purgeMeeting(docId)
 */

/** Appended to the meeting id; meeting ids are base64url, so it can never collide with one. */
export const RESTRICTED_DOC_SUFFIX = ':restricted'

/** The relay / doc-store id of a meeting's restricted doc. */
export function restrictedDocId(meetingId: string): string {
  return `${meetingId}${RESTRICTED_DOC_SUFFIX}`
}

/** Whether a relay / doc-store id is a restricted doc's (else it is a meeting's shared map). */
export function isRestrictedDocId(docId: string): boolean {
  return docId.endsWith(RESTRICTED_DOC_SUFFIX)
}

/** Every doc id a meeting owns: the shared map and the restricted doc. */
export function meetingDocIds(meetingId: string): [string, string] {
  return [meetingId, restrictedDocId(meetingId)]
}
