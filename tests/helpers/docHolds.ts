/**
 * Whether a text is anywhere in a doc's encoded state — a live Y.Doc, or what a server stored —
 * for privacy tests: a restricted item's words must not be found in a doc the family receives.
 *
 *   expect(docHolds(familyPeer.doc, '555-0100')).toBe(false)
 *   expect(await storedDocHolds(server, restrictedDocId(meeting.id), '555-0100')).toBe(true)
 */
import * as Y from 'yjs'
import type { TestServer } from './servers.ts'

export const docHolds = (doc: Y.Doc, text: string): boolean => Buffer.from(Y.encodeStateAsUpdate(doc)).includes(Buffer.from(text))

export async function storedDocHolds(server: TestServer, docId: string, text: string): Promise<boolean> {
  const state = await server.services.relay.readDocState(docId)
  return state !== null && Buffer.from(state).includes(Buffer.from(text))
}
