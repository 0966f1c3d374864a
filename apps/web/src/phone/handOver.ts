/**
 * Decides when the live list takes the place of the list the server wrote into the page
 * (prerenderedList.ts): once the doc has synced with the relay; or when this phone's own copy
 * already holds everything the server's showed (its state vector covers the server's), since
 * otherwise the list would step back to older content until the sync; or when the phone is
 * offline, so the person can read and write on their copy; or when the connection has ended.
 *
 *   if (mayReplaceServerCopy({ doc, hasTemplate, snapshot, ended, serverState: prerenderedStateVector() })) dropPrerenderedList()
 */
import * as Y from 'yjs'
import type { ConnectionSnapshot } from '../canvas/connectionState.ts'

/** What the decision reads. */
export interface HandOverInput {
  readonly doc: Y.Doc
  /** The doc holds the map's sections (it is not an empty doc yet). */
  readonly hasTemplate: boolean
  readonly snapshot: ConnectionSnapshot
  /** The relay closed the connection for good: the live list says so. */
  readonly ended: boolean
  /** The state vector of the doc the server wrote its copy from. */
  readonly serverState: Uint8Array
}

/** Whether every change the server's copy showed is in `doc`. */
export function holdsServerState(doc: Y.Doc, serverState: Uint8Array): boolean {
  const local = Y.decodeStateVector(Y.encodeStateVector(doc))
  for (const [client, clock] of Y.decodeStateVector(serverState)) {
    if ((local.get(client) ?? 0) < clock) return false
  }
  return true
}

/** Whether the live list may replace the server's copy now. */
export function mayReplaceServerCopy({ doc, hasTemplate, snapshot, ended, serverState }: HandOverInput): boolean {
  if (ended) return true
  if (!hasTemplate) return false
  return snapshot.hasSynced || snapshot.state === 'offline' || holdsServerState(doc, serverState)
}
