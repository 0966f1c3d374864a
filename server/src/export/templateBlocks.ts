/**
 * Owns the wording of the templates placed on the map (Three Houses, Safety House, circles, more
 * maps) in an export, as the same styled blocks the safety plan uses, so the case-file PDF and the
 * DOCX print them alike and the family copy gets plain words in its language. A child's words are
 * printed verbatim in quotation marks; under the child's own template a notice says that only
 * what the child agreed to share is there (the record also counts what was left out). Also the
 * parent's consent to use the template, the child's own names for the houses (beside what each
 * house is for), the Safety House path (the child's number and words), who is in each circle, and
 * who does not agree with an item (MM-25, see `itemBlocks.ts`). A workers-only box (a safety
 * plan's phone numbers, MM-35) says that what was given there is kept for the workers, by count in
 * the record and in plain words on the family copy, never what it says. A words and pictures story
 * says whether the parents agreed to its words, or that they are a draft (MM-36). A family and
 * network diagram's people are its notes, then each line between two of them is one sentence
 * ("Kai — Grandma Lorna: strong tie", MM-37). A family tree says each person in words ("Tom (man,
 * has died)"), then each line between two of them ("Jess (woman, 34) — Sam (man): separated", MM-39).
 *
 * ```ts
 * for (const block of caseFileTemplateBlocks(model)) draw(block.style, block.text)
 * ```
 */
import { describeFamilyMember, relationshipSentence, SAFETY_HOUSE_PATH_KEY, tieSentence, type Locale } from '@safetymap/map-model'
import type { CaseFileExport, ExportScale, ExportTemplate, ExportTemplateItem, ExportTemplateSection } from './CaseFileExport.ts'
import { NOT_RECORDED, familyWords, formatFamilyDate, formatRecordTime, notSharedNotice, recordKeptForWorkers, recordScaleEnds, wordingLine } from './exportWords.ts'
import { familyDisagreementBlocks, recordDisagreementBlocks } from './itemBlocks.ts'
import { familyPrivateScale, familyScaleMark, recordPrivateScale, type ToolkitBlock } from './toolkitBlocks.ts'

/** The item's text, in quotation marks when they are someone's own words. */
const itemText = (item: ExportTemplateItem): string => (item.childAgreed || item.directQuote ? `“${item.text}”` : item.text)

/** A section's heading: the child's own name for it in quotation marks, with what it is for beside it. */
const sectionHeading = (section: ExportTemplateSection, label: string): string => (section.childsName === null ? label : `“${section.childsName}” (${label})`)

/** The case file's lines on the parent's consent; only the child's own template asks for it. */
function consentBlocks(template: ExportTemplate, timeZone: string): ToolkitBlock[] {
  const consent = template.parentConsent
  if (consent) {
    return [{ style: 'muted', text: `Parent’s consent to use ${template.name.en}: given by ${consent.givenBy || NOT_RECORDED}; recorded by ${consent.recordedBy.name || NOT_RECORDED}, ${formatRecordTime(consent.at, timeZone)}` }]
  }
  return template.childsOwnWords ? [{ style: 'muted', text: `Parent’s consent to use ${template.name.en}: ${NOT_RECORDED}` }] : []
}

/** The case file's lines on a Safety House path: the child's number and words, verbatim. */
function casePathBlocks(template: ExportTemplate, path: ExportScale, finalized: boolean): ToolkitBlock[] {
  const out: ToolkitBlock[] = [{ style: 'h2', text: `${template.name.en}: the path to the door (the child’s scale, 0–10)` }]
  if (path.ends) out.push({ style: 'muted', text: recordScaleEnds(path.ends) })
  if (path.privateRatedBy) out.push(recordPrivateScale(path.privateRatedBy, finalized))
  else if (path.marks.length === 0) out.push({ style: 'muted', text: 'No mark on the path.' })
  for (const m of path.marks) {
    out.push({ style: 'text', text: `${m.participant.name || 'name not recorded'}: ${m.value} out of 10` })
    if (m.whatMakesItThisHigh) out.push({ style: 'muted', text: `In their words: “${m.whatMakesItThisHigh}”` })
  }
  return out
}

/** The case-file record's blocks (English labels; Spanish headings too for a Spanish meeting). */
export function caseFileTemplateBlocks(model: CaseFileExport): ToolkitBlock[] {
  if (model.templates.length === 0) return []
  const bilingual = (label: { en: string; es: string }) => (model.meeting.locale === 'es' ? `${label.en} (${label.es})` : label.en)
  const rosterName = new Map(model.participants.map((p) => [p.id, p.name]))
  const { timeZone } = model.meeting
  const out: ToolkitBlock[] = [{ style: 'h1', text: 'Templates on the map' }]
  for (const template of model.templates) {
    out.push(...consentBlocks(template, timeZone))
    if (template.wordingAgreed !== undefined) out.push({ style: 'muted', text: `${template.name.en}: ${wordingLine(template.wordingAgreed, 'en', (at) => formatRecordTime(at, timeZone), NOT_RECORDED)}` })
    if (template.childsOwnWords) out.push({ style: 'muted', text: `${template.name.en}: ${notSharedNotice(template.notShared)}` })
    for (const section of template.sections) {
      // An empty path is said once, below, as the child's scale.
      if (template.path && section.key === SAFETY_HOUSE_PATH_KEY && section.items.length === 0) continue
      out.push({ style: 'h2', text: `${template.name.en}: ${sectionHeading(section, bilingual(section.label))}` })
      // A workers-only box is empty here by design: say how many it keeps, so it does not read as none given.
      if (section.keptForWorkers) out.push({ style: 'muted', text: recordKeptForWorkers(section.keptForWorkers) })
      else if (section.items.length === 0) out.push({ style: 'muted', text: 'No items.' })
      for (const item of section.items) {
        const by = item.author.name || 'author not recorded'
        const when = item.createdAt ? `, ${formatRecordTime(item.createdAt, timeZone)}` : ''
        out.push(
          { style: 'text', text: itemText(item) },
          { style: 'by', text: item.childAgreed ? `— the child’s own words, agreed to share; written by ${by}${when}` : `— ${by}${when}` },
          ...recordDisagreementBlocks(item, timeZone),
        )
      }
    }
    if (template.path) out.push(...casePathBlocks(template, template.path, model.version.finalized))
    if (template.people) {
      out.push({ style: 'h2', text: `${template.name.en}: who is in each circle` })
      if (template.people.length === 0) out.push({ style: 'muted', text: 'Nobody placed on the circles.' })
      for (const person of template.people) {
        const linked = person.participantId ? rosterName.get(person.participantId) : undefined
        out.push({ style: 'text', text: `${person.name} — ${bilingual(person.ringLabel)}${linked ? ` (participant: ${linked})` : ''}` })
      }
    }
    if (template.ties) {
      out.push({ style: 'h2', text: `${template.name.en}: how the people are connected` })
      if (template.ties.length === 0) out.push({ style: 'muted', text: 'No lines drawn between people.' })
      for (const tie of template.ties) out.push({ style: 'text', text: tieSentence(tie, 'en') })
    }
    if (template.familyMembers) {
      out.push({ style: 'h2', text: `${template.name.en}: who is in the family` }, ...orNone(familyTreePeople(template, 'en'), 'Nobody drawn on the family tree.'))
      out.push({ style: 'h2', text: `${template.name.en}: how they are related` }, ...orNone(familyTreeRelationships(template, 'en'), 'No lines drawn between people.'))
    }
  }
  return out
}

/** `blocks`, or one muted line saying there are none. */
const orNone = (blocks: ToolkitBlock[], none: string): ToolkitBlock[] => (blocks.length > 0 ? blocks : [{ style: 'muted', text: none }])

/** A family tree's people, one plain description each (MM-39). */
const familyTreePeople = (template: ExportTemplate, locale: Locale): ToolkitBlock[] =>
  (template.familyMembers ?? []).map((m) => ({ style: 'text', text: describeFamilyMember(m, locale) }))

/** A family tree's lines between two people, one sentence each (MM-39). */
const familyTreeRelationships = (template: ExportTemplate, locale: Locale): ToolkitBlock[] =>
  (template.relationships ?? []).map((r) => ({ style: 'text', text: relationshipSentence(r, template.familyMembers ?? [], locale) }))

/** The family copy's blocks, in `locale`; empty sections are left out, and a ring's people are listed once, under who is in each circle. */
export function familyTemplateBlocks(model: CaseFileExport, locale: Locale, someone: string): ToolkitBlock[] {
  const w = familyWords(locale)
  const out: ToolkitBlock[] = []
  for (const template of model.templates) {
    // A person on the circles or a family tree is said once, in "who is in each circle" or "who is in the family", not again as a note.
    const person = new Set([...(template.people ?? []), ...(template.familyMembers ?? [])].map((p) => p.itemId))
    const filled = template.sections.map((s) => ({ ...s, items: s.items.filter((i) => !person.has(i.id)) })).filter((s) => s.items.length > 0 || s.keptForWorkers)
    if (filled.length === 0 && !template.childsOwnWords && !template.path && !template.people?.length && !template.ties?.length && !template.familyMembers?.length) continue
    out.push({ style: 'h1', text: template.name[locale] })
    const consent = template.parentConsent
    if (consent?.givenBy) out.push({ style: 'muted', text: w.parentAgreed(consent.givenBy, template.name[locale], formatFamilyDate(consent.at, locale, model.meeting.timeZone)) })
    if (template.wordingAgreed !== undefined) out.push({ style: 'muted', text: wordingLine(template.wordingAgreed, locale, (at) => formatFamilyDate(at, locale, model.meeting.timeZone), someone) })
    if (template.childsOwnWords) out.push({ style: 'muted', text: w.onlyWhatTheChildShared })
    for (const section of filled) {
      out.push({ style: 'h2', text: sectionHeading(section, section.label[locale]) })
      if (section.keptForWorkers) out.push({ style: 'muted', text: w.keptForWorkers })
      for (const item of section.items) {
        out.push(
          { style: 'text', text: itemText(item) },
          { style: 'by', text: item.childAgreed ? w.childsWords : w.saidBy(item.author.name || someone) },
          ...familyDisagreementBlocks(item, locale, someone),
        )
      }
    }
    if (template.path) {
      out.push({ style: 'h2', text: w.path })
      if (template.path.ends) out.push({ style: 'muted', text: w.scaleEnds(template.path.ends.zero, template.path.ends.ten) })
      if (template.path.privateRatedBy) out.push(...familyPrivateScale(template.path.privateRatedBy, model.version.finalized, locale, someone))
      else if (template.path.marks.length === 0) out.push({ style: 'muted', text: w.noPathMark })
      for (const m of template.path.marks) {
        out.push({ style: 'text', text: familyScaleMark(locale, m.participant.name || someone, m.value) })
        if (m.whatMakesItThisHigh) out.push({ style: 'muted', text: `${w.inTheirWords} “${m.whatMakesItThisHigh}”` })
      }
    }
    if (template.people?.length) {
      out.push({ style: 'h2', text: w.whoIsInTheCircles })
      const token = new Map(template.sections.flatMap((s) => s.items.map((i) => [i.id, i] as const)))
      for (const p of template.people) {
        const item = token.get(p.itemId)
        out.push({ style: 'text', text: `${p.name} — ${p.ringLabel[locale]}` }, ...(item ? familyDisagreementBlocks(item, locale, someone) : []))
      }
    }
    if (template.ties?.length) {
      out.push({ style: 'h2', text: w.ties })
      for (const tie of template.ties) out.push({ style: 'text', text: tieSentence(tie, locale) })
    }
    if (template.familyMembers?.length) {
      out.push({ style: 'h2', text: w.familyPeople }, ...familyTreePeople(template, locale))
      if (template.relationships?.length) out.push({ style: 'h2', text: w.familyRelationships }, ...familyTreeRelationships(template, locale))
    }
  }
  return out
}
