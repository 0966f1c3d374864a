/**
 * Owns setting up a new meeting's doc from the template chosen when the meeting is created (SPEC
 * MM-34): the meeting's own map (the three columns or a variant of them), and for a child's
 * template the three columns with that template placed beside them — Three Houses only with a
 * parent's consent (MM-31).
 *
 * ```ts
 * setUpMeetingDoc(doc, { title, locale, schema, now, templateId: 'three-houses', parentConsent })
 * ```
 */
import type * as Y from 'yjs'
import type { ParentConsentInput } from './childTools.ts'
import type { TemplateId } from './mapTemplates.ts'
import { MapModelError } from './MapModelError.ts'
import { placeTemplate } from './placeTemplate.ts'
import { isMapVariantId, writeSafetyMapTemplate, type WriteSafetyMapTemplateOptions } from './writeSafetyMapTemplate.ts'

/** Options of {@link setUpMeetingDoc}. @public */
export interface SetUpMeetingDocOptions extends Omit<WriteSafetyMapTemplateOptions, 'templateId'> {
  /** The template chosen at creation; `three-column` by default. */
  readonly templateId?: TemplateId
  /** Required for `three-houses` (MM-31). */
  readonly parentConsent?: ParentConsentInput
}

/**
 * Writes a new meeting's doc in one transaction (MM-34).
 *
 * @throws {@link MapModelError} `MAP_PARENT_CONSENT_REQUIRED` for Three Houses without a consent.
 * @public
 */
export function setUpMeetingDoc(doc: Y.Doc, options: SetUpMeetingDocOptions): void {
  const { templateId = 'three-column', parentConsent, ...map } = options
  if (templateId === 'three-houses' && !parentConsent) throw new MapModelError('MAP_PARENT_CONSENT_REQUIRED')
  doc.transact(() => {
    writeSafetyMapTemplate(doc, { ...map, templateId: isMapVariantId(templateId) ? templateId : 'three-column' })
    if (!isMapVariantId(templateId)) {
      placeTemplate(doc, templateId, { ...(parentConsent ? { parentConsent } : {}), ...(map.origin === undefined ? {} : { origin: map.origin }) })
    }
  }, map.origin)
}
