/**
 * A template placed beside the map (Three Houses, the Safety House, the circles of safety and
 * support, …) as lists: its name, then each of its zones as a section headed by the child's own
 * name for it when they gave one (verbatim, MM-31), else the template's words, with the zone's
 * items and "Add to …". A Safety House's path to the door also lists the marks on it, read-only
 * (they are placed on the board). On the circles each ring is a section, so its items are the
 * people in it. Zones written without a placement (the consultation map's grey area, MM-34) are
 * part of the meeting's own map: they are listed as its sections, with no template name above.
 * A safety plan's phone numbers and contacts box (map-model MM-35) sends what is written there to
 * the server for the workers only: the form says so, closes once it is sent saying that it was,
 * and the list shows how many she gave, never what they say. A words and pictures story says
 * under its name whether the parents agreed to its words, or that they are still a draft (MM-36).
 * A family and network diagram lists its people as notes, then each line the facilitator drew
 * between two of them as a plain sentence (MM-37); lines are drawn on the board, not here. A
 * family tree lists its people as written inside their symbols (what a phone adds there is a
 * person), then each person and each line between two of them in words (MM-39).
 *
 *   <PlacedTemplateList meetingId={meeting.id} template={map.templates[0]} map={map} labels={meeting.labels} actions={actions} onAdd={add} />
 */
import { useState } from 'react'
import { CHILDS_OWN_TEMPLATES, describeFamilyMember, isWorkersOnlyZone, relationshipSentence, SAFETY_HOUSE_PATH_KEY, storyWordingState, templateZoneText, tieSentence, type ItemZoneKey, type LabelOverrides, type MapPlacedTemplate, type SafetyMap } from '@safetymap/map-model'
import { api } from '../api/api.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { addFormKey } from '../ui/drafts.ts'
import { templateAnchorId, templateName, templateZoneHeading } from './jumpTargets.ts'
import { ScaleMarks } from './ScaleList.tsx'
import { pathRow } from './scaleRows.ts'
import { SectionList, type SectionActions } from './SectionList.tsx'

/** Props of {@link PlacedTemplateList}. */
export interface PlacedTemplateListProps {
  /** The meeting, where private contacts are sent. */
  readonly meetingId: string
  readonly template: MapPlacedTemplate
  /** The map it is on (whether the path to the door is private until the reveal). */
  readonly map: Pick<SafetyMap, 'hiddenScales'>
  /** The agency's own headings and hints (MM-28). */
  readonly labels: LabelOverrides | undefined
  readonly actions: SectionActions
  /** Adds a note to zone `key` of the placement. */
  readonly onAdd: (placementId: string, key: ItemZoneKey, text: string) => void
}

/** A placed template's zones and their items. */
export function PlacedTemplateList({ meetingId, template, map, labels, actions, onAdd }: PlacedTemplateListProps) {
  const { t, locale } = useI18n()
  // Private contacts sent from this page: she never reads them back, only how many.
  const [contactsGiven, setContactsGiven] = useState(0)
  const { placementId, templateId } = template
  const headingId = templateAnchorId(placementId)
  const ownMap = placementId === ''
  // Three Houses holds the child's own words only, written down with the child: nobody adds to it from a phone.
  const childsOwn = templateId !== null && CHILDS_OWN_TEMPLATES.has(templateId)
  const zones = (Object.keys(template.sections) as ItemZoneKey[]).map((key) => {
    const heading = templateZoneHeading(template, key, locale, labels)
    const path = key === SAFETY_HOUSE_PATH_KEY && template.path ? pathRow(template.path, map, actions.selfId) : null
    const workersOnly = isWorkersOnlyZone(key)
    const draftKey = addFormKey(key, placementId)
    const add = childsOwn
      ? undefined
      : workersOnly
        ? {
            draftKey,
            notice: t('phone.contact.notice'),
            sent: t('phone.contact.sent'),
            onAdd: async (text: string) => {
              const sent = await api.addPrivateContact(meetingId, placementId, text)
              if (!sent.ok) return sent.error.messageKey
              setContactsGiven((given) => given + 1)
              return null
            },
          }
        : { draftKey, onAdd: (text: string) => onAdd(placementId, key, text) }
    const given = workersOnly && contactsGiven > 0
    return (
      <SectionList
        key={key}
        zone={key}
        heading={heading}
        hint={templateZoneText(key, templateId, locale, labels).hint}
        anchorId={ownMap ? templateAnchorId('', key) : undefined}
        items={template.sections[key] ?? []}
        actions={actions}
        headingLevel={ownMap ? 2 : 3}
        add={add}
        hasCards={path !== null || given}
      >
        {given ? (
          <p className="phone-hint" data-testid="contacts-given">
            {contactsGiven === 1 ? t('phone.contact.givenOne') : t('phone.contact.givenMany', { count: String(contactsGiven) })}
          </p>
        ) : null}
        {path ? (
          <div className="phone-scales" data-testid="path-marks">
            <ScaleMarks row={path} title={heading} selfId={actions.selfId} isPending={actions.isPending} />
          </div>
        ) : null}
      </SectionList>
    )
  })
  if (ownMap) return <>{zones}</>
  return (
    <section className="phone-column" aria-labelledby={headingId} data-testid="phone-template" data-template={templateId ?? 'other'} data-placement={placementId}>
      <h2 id={headingId} className="phone-column-heading">
        {templateName(template, t)}
      </h2>
      {template.parentConsent ? (
        <p className="phone-hint" data-testid="parent-consent">
          {t('templates.consent.shown', { name: template.parentConsent.givenBy })}
        </p>
      ) : null}
      {template.wordingAgreed !== undefined ? (
        <p className="phone-hint" data-testid="story-wording" data-state={storyWordingState(template.wordingAgreed)}>
          {t(`phone.story.${storyWordingState(template.wordingAgreed)}`, { name: template.wordingAgreed?.givenBy ?? '' })}
        </p>
      ) : null}
      {childsOwn ? (
        <p className="phone-hint" data-testid="childs-words-only">
          {t('phone.template.childsWordsOnly')}
        </p>
      ) : null}
      {zones}
      <SentenceList testId="ecomap-ties" heading={t('phone.ecomap.ties')} sentences={(template.ties ?? []).map((tie) => [tie.arrowId, tieSentence(tie, locale)])} />
      <SentenceList testId="family-people" heading={t('phone.familyTree.people')} sentences={(template.familyMembers ?? []).map((m) => [m.itemId, describeFamilyMember(m, locale)])} />
      <SentenceList
        testId="family-relationships"
        heading={t('phone.familyTree.relationships')}
        sentences={(template.relationships ?? []).map((r) => [r.arrowId, relationshipSentence(r, template.familyMembers ?? [], locale)])}
      />
    </section>
  )
}

/** A read-only list of plain sentences under a heading, as `[key, sentence]` pairs; nothing when there are none. */
function SentenceList({ testId, heading, sentences }: { readonly testId: string; readonly heading: string; readonly sentences: readonly (readonly [string, string])[] }) {
  if (sentences.length === 0) return null
  return (
    <section className="phone-section" data-testid={testId}>
      <h3 className="phone-section-heading">{heading}</h3>
      <ul className="phone-items">
        {sentences.map(([key, sentence]) => (
          <li key={key} className="phone-item">
            <p className="phone-item-text">{sentence}</p>
          </li>
        ))}
      </ul>
    </section>
  )
}
