/**
 * Owns recording the parents' agreement to a words and pictures story's words (SPEC MM-36): who
 * agreed, who recorded it and when, with a fingerprint of the words as they are now, on every zone
 * of the placement. Zones are template records, so only a facilitator (or the server) can record
 * it; recording again replaces the earlier agreement (after the words changed, say).
 *
 * ```ts
 * recordWordingAgreed(doc, placementId, { givenBy: 'Jess, Kai’s mum', recordedBy: ana, at: new Date() })
 * ```
 */
import type * as Y from 'yjs'
import { parentConsentRecord, setPlacementMeta, type ParentConsentInput } from './childTools.ts'
import { readMap } from './readMap.ts'
import { storyWordsFingerprint, WORDING_AGREED_META_KEY } from './wordingAgreement.ts'

/**
 * Records that the parents agreed to the story's words as they are now (MM-36). Returns `false`
 * when `placementId` is not a words and pictures story on the page.
 *
 * @public
 */
export function recordWordingAgreed(doc: Y.Doc, placementId: string, agreement: ParentConsentInput, options: { readonly origin?: unknown } = {}): boolean {
  const story = readMap(doc).templates.find((t) => t.placementId === placementId && t.templateId === 'words-and-pictures')
  if (!story) return false
  const stored = { ...parentConsentRecord(agreement), fingerprint: storyWordsFingerprint(story.sections) }
  return setPlacementMeta(doc, placementId, WORDING_AGREED_META_KEY, stored, options.origin)
}
