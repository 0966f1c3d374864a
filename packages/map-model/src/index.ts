/**
 * `@safetymap/map-model`: the safety map's domain over a meeting's Y.Doc (see SPEC.md).
 *
 * This entry and everything it imports loads only yjs and fractional-indexing at run time:
 * tldraw appears as types alone, so the phone view stays small. tldraw's run-time schema lives
 * in `@safetymap/map-model/schema`.
 *
 * ```ts
 * writeSafetyMapTemplate(doc, { title, locale: 'es', schema, now })
 * addItem(doc, 'danger', 'Kai could be hurt crossing the street alone', { id, name })
 * readMap(doc).sections.danger // [{ id, text, authorId, authorName, createdAt }]
 * ```
 */
export { FOLLOW_PRESENCE_FIELD, speaksForItself, type PresenceSender } from './lib/presenceIdentity.ts'
export {
  COLUMN_KEYS,
  COLUMN_SECTIONS,
  LOCALES,
  SECTION_KEYS,
  TEMPLATE_SECTION_KEYS,
  ZONE_KEYS,
  columnOf,
  isItemZoneKey,
  isLocale,
  isSectionKey,
  isTemplateSectionKey,
  isZoneKey,
  type ItemZoneKey,
  type TemplateSectionKey,
  type ColumnKey,
  type Locale,
  type SectionKey,
  type ZoneKey,
} from './lib/zoneKeys.ts'
export {
  DOCUMENT_ID,
  META_KEYS,
  META_MAP_NAME,
  GEO_SHAPE_TYPE,
  NOTE_SHAPE_TYPE,
  PAGE_ID,
  RECORDS_ARRAY_NAME,
  TEMPLATE_VERSION,
  ZONE_SHAPE_TYPE,
  zoneShapeId,
} from './lib/docLayout.ts'
export {
  isLabelKey,
  LABEL_KEYS,
  VARIANT_LABEL_KEYS,
  zoneHint,
  zoneLabel,
  type LabelKey,
  type LabelOverrides,
} from './lib/zoneCatalogue.ts'
export {
  CHILDS_OWN_TEMPLATES,
  isTemplateId,
  isWorkersOnlyZone,
  MAP_TEMPLATES,
  TEMPLATE_IDS,
  templateZoneText,
  templateZoneWords,
  type MapTemplate,
  type TemplateId,
  type TemplateZone,
  type TemplateZoneLook,
  WORKERS_ONLY_ZONE_KEYS,
} from './lib/mapTemplates.ts'
export { JOURNAL_LINK_DAYS } from './lib/journalLinkDays.ts'
export { exportFileTitle } from './lib/exportFileTitle.ts'
export { isMeetingFormat, isMeetingType, MEETING_FORMATS, MEETING_TYPES, type MeetingFormat, type MeetingType } from './lib/meetingTypes.ts'
export { LABEL_OVERRIDE_MAX_LENGTH, parseLabelOverrides, type ParsedLabelOverrides } from './lib/labelOverrides.ts'
export {
  placedZoneId,
  placeTemplate,
  SAFETY_HOUSE_PATH_KEY,
  safetyHousePathScaleId,
  TEMPLATE_PLACEMENT_GAP,
  type PlacedTemplate,
  type PlaceTemplateOptions,
} from './lib/placeTemplate.ts'
export type { SMZoneShape, SMZoneShapeProps } from './lib/SMZoneShape.ts'
export {
  NOTE_GRID,
  safetyMapTemplate,
  type SafetyMapTemplate,
  type ZoneBounds,
} from './lib/safetyMapTemplate.ts'
export {
  MAP_MODEL_ORIGIN,
  readRecordMap,
  type MapModelOrigin,
  type RecordEntry,
} from './lib/recordEntries.ts'
export {
  isMapVariantId,
  MAP_VARIANT_IDS,
  writeSafetyMapTemplate,
  type MapVariantId,
  type WriteSafetyMapTemplateOptions,
} from './lib/writeSafetyMapTemplate.ts'
export {
  MEETING_STATUSES,
  readMeta,
  type MeetingMeta,
  type MeetingStatus,
  type SerializedSchema,
} from './lib/readMeta.ts'
export { readMap, sortInReadingOrder, type MapCirclePerson, type MapItem, type MapPlacedTemplate, type SafetyMap } from './lib/readMap.ts'
export { readZones, type MapZone } from './lib/readZones.ts'
export { findSectionAt, findZoneAt, zoneContains } from './lib/findZoneAt.ts'
export type { Point } from './lib/shapeGeometry.ts'
export { addFamilyMember, addItem, addPrivateNote, addTemplateItem, type AddItemOptions, type AddTemplateItemOptions, type ItemAuthor, type NewFamilyMember } from './lib/addItem.ts'
export { richTextToPlainText, toRichText } from './lib/richText.ts'
export { deleteItem, findItemAuthor, updateItemText, type EditItemOptions, type ItemEditor } from './lib/editItem.ts'
export {
  MAP_MODEL_ERRORS,
  MapModelError,
  type MapModelErrorCode,
} from './lib/MapModelError.ts'
export {
  DANGER_STATEMENT_SHAPE_TYPE,
  DANGER_STATEMENT_SLOTS,
  NEXT_STEP_CARD_SIZE,
  NEXT_STEP_FIELDS,
  NEXT_STEP_SHAPE_TYPE,
  OVERALL_SCALE_ID,
  SAFETY_GOAL_SHAPE_TYPE,
  SAFETY_GOAL_SLOTS,
  SCALING_MARK_SHAPE_TYPE,
  SCALING_MARK_SIZE,
  STATEMENT_CARD_SIZE,
  scalingMarkId,
  type DangerStatementSlots,
  type NextStepFields,
  type SafetyGoalSlots,
  type ScalingReasons,
  type SMDangerStatementShape,
  type SMDangerStatementShapeProps,
  type SMNextStepShape,
  type SMNextStepShapeProps,
  type SMSafetyGoalShape,
  type SMSafetyGoalShapeProps,
  type SMScalingMarkShape,
  type SMScalingMarkShapeProps,
} from './lib/SMToolkitShapes.ts'
export { composeDangerStatement, composeNextStep, composeSafetyGoal, formatDueDate } from './lib/composeStatement.ts'
export { quoted } from './lib/quoted.ts'
export { pathRow, scaleRows, type ScaleRow } from './lib/scaleRows.ts'
export {
  checkPlainLanguage,
  PLAIN_LANGUAGE_KINDS,
  type PlainLanguageFinding,
  type PlainLanguageKind,
} from './lib/plainLanguage.ts'
export {
  type Attribution,
  type MapDangerStatement,
  type MapNextStep,
  type MapSafetyGoal,
  type MapScale,
  type MapScalingMark,
  type MapToolkit,
} from './lib/readToolkit.ts'
export {
  addDangerStatement,
  addNextStep,
  addSafetyGoal,
  updateToolkitCard,
  writeScalingMark,
  type ScalingMarkInput,
  type WriteToolkitOptions,
} from './lib/writeToolkit.ts'
export { clampScaleValue, scaleValueAt, SCALE_LINE_INSET } from './lib/toolkitGeometry.ts'
export {
  isScaleId,
  PRIVATE_SCALES_META_KEY,
  RATED_MARKER_SHAPE_TYPE,
  RATED_MARKER_SIZE,
  ratedMarkerId,
  readHiddenScales,
  readPrivateScales,
  revealRatings,
  setScalePrivate,
  writeRatedMarker,
  type HiddenRatingOptions,
  type MapHiddenScale,
  type MapRatedMarker,
  type RatedMarkerInput,
  type SMRatedMarkerShape,
  type SMRatedMarkerShapeProps,
} from './lib/hiddenRatings.ts'
export {
  addDisagreement,
  DISAGREEABLE_SHAPE_TYPES,
  DISAGREEMENT_BINDING_TYPE,
  DISAGREEMENTS_META_KEY,
  disagreementBinding,
  disagreementBindingId,
  disagreementsOf,
  metaWithoutDisagreement,
  readDisagreementsByItem,
  readLegacyDisagreements,
  withdrawDisagreement,
  type Disagreement,
  type SMDisagreementBinding,
  type SMDisagreementBindingProps,
} from './lib/disagreements.ts'
export { CHANGED_BY_META_KEYS, metaAfterTextChange, readItemChange, type ItemChange } from './lib/itemChanges.ts'
export { disagreementMessage, type DisagreementMessage, type DisagreementWho } from './lib/disagreementMessage.ts'
export {
  metaWithScaleEnds,
  readScaleEnds,
  SCALE_END_MAX_LENGTH,
  SCALE_ENDS_META_KEY,
  scaleEndsText,
  scaleRecordId,
  setScaleEnds,
  type ScaleEnds,
  type ScaleEndsWordKey,
} from './lib/scaleEnds.ts'
export {
  linkParticipant,
  PARENT_CONSENT_META_KEY,
  PARTICIPANT_META_KEY,
  readParentConsent,
  readZoneHeading,
  recordParentConsent,
  renameTemplateZone,
  ZONE_HEADING_MAX_LENGTH,
  ZONE_HEADING_META_KEY,
  type ParentConsent,
  type ParentConsentInput,
} from './lib/childTools.ts'
export { storyWordingState, WORDING_AGREED_META_KEY, type StoryWordingState, type WordingAgreed } from './lib/wordingAgreement.ts'
export { recordWordingAgreed } from './lib/recordWordingAgreed.ts'
export {
  ARROW_SHAPE_TYPE,
  isTieKind,
  PLAIN_TIE_STYLE,
  readTies,
  sayTie,
  TIE_META_KEY,
  type MapTie,
  type TieKinds,
  type TieStyle,
} from './lib/boundTies.ts'
export {
  ECOMAP_TIE_KINDS,
  ECOMAP_TIE_STYLES,
  ECOMAP_TIES,
  isEcomapTieKind,
  readEcomapTies,
  tieSentence,
  type EcomapTie,
  type EcomapTieKind,
} from './lib/ecomapTies.ts'
export {
  describeFamilyMember,
  DIED_META_KEY,
  FAMILY_MEMBER_GENDERS,
  FAMILY_MEMBER_LOOK,
  FAMILY_MEMBER_SIZE,
  FAMILY_MEMBER_SYMBOLS,
  FAMILY_RELATIONSHIP_KINDS,
  FAMILY_RELATIONSHIPS,
  familyMemberText,
  isFamilyMemberShape,
  readFamilyTree,
  readNameAndAge,
  relationshipSentence,
  type FamilyMember,
  type FamilyMemberGender,
  type FamilyRelationship,
  type FamilyRelationshipKind,
} from './lib/familyTree.ts'
export { setUpMeetingDoc, type SetUpMeetingDocOptions } from './lib/setUpMeetingDoc.ts'
