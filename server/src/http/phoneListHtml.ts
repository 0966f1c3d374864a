/**
 * The phone view's list as plain HTML, written on the server: the same headings, items, toolkit
 * cards, scaling lines (what 0 and 10 mean when worded; public marks only; private lines say who
 * has rated) and placed templates (each zone under the child's own name for it or the template's
 * words; a Safety House's path to the door with its ends and marks; whether a story's words are
 * agreed with the parents; a family and network diagram's lines, and a family tree's people and lines, as sentences) as the live list (apps/web/src/phone/PhoneMeeting.tsx) shows for the
 * same map, with its class names, but no working buttons or forms (the bar's and the "Add to …"
 * ones are inert, there only to keep their place): it is what the phone shows until the live list
 * replaces it. Every piece of the map's and people's text is escaped.
 *
 *   renderPhoneListHtml(readMap(doc), { locale: 'es', selfId, role: 'editor', words: catalogues.es })
 */
import {
  CHILDS_OWN_TEMPLATES,
  COLUMN_KEYS,
  COLUMN_SECTIONS,
  LOCALES,
  composeDangerStatement,
  disagreementMessage,
  composeSafetyGoal,
  formatDueDate,
  pathRow,
  quoted,
  SAFETY_HOUSE_PATH_KEY,
  scaleEndsText,
  storyWordingState,
  tieSentence,
  describeFamilyMember,
  relationshipSentence,
  scaleRows,
  templateZoneText,
  zoneLabel,
  type Disagreement,
  type ItemChange,
  type ItemZoneKey,
  type LabelOverrides,
  type Locale,
  type MapItem,
  type MapNextStep,
  type MapPlacedTemplate,
  type SafetyMap,
  type ScaleRow,
  type SectionKey,
} from '@safetymap/map-model'
import type { en } from '../../../apps/web/src/i18n/catalogues/en.ts'
import type { ParticipantRole } from '../meetings/MeetingStore.ts'

/** A key of the web app's words for the list view (its `en.ts`; every language has them all). */
type MessageKey = keyof typeof en

/** The list view's words in one language (the web build writes them out, see `webApp.ts`). */
export type Catalogue = Readonly<Record<MessageKey, string>>

/** Whose list it is and in what words. */
export interface PhoneListReader {
  readonly locale: Locale
  readonly selfId: string
  readonly role: ParticipantRole
  readonly words: Catalogue
  /** The deployment's own headings (`LABELS_FILE`, map-model MM-28), as the live list shows them. */
  readonly labels?: LabelOverrides
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** `text` safe inside an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!)
}

/** Renders one reader's list; every function returns escaped HTML. */
function writer(reader: PhoneListReader, canAdd: boolean) {
  const { locale, selfId, words, labels } = reader
  type Vars = Readonly<Record<string, string | number>>
  /** A catalogue message with its `{placeholders}` filled, as the web app's `translate` does. */
  const say = (key: MessageKey, vars: Vars = {}) => words[key].replace(/\{(\w+)\}/g, (whole, name: string) => (vars[name] === undefined ? whole : String(vars[name])))
  const t = (key: MessageKey, vars?: Vars) => escapeHtml(say(key, vars))
  const text = (value: string, quote: boolean | undefined) => escapeHtml(quote ? quoted(value, locale) : value)
  const number = (value: number) => escapeHtml(new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value))

  const byline = (card: { authorId: string; authorName: string; quote?: boolean; changedBy?: ItemChange; childAgreed?: boolean }) => {
    const by = card.authorId === selfId ? t('phone.byYou') : card.authorName ? t('phone.by', { name: card.authorName }) : t('phone.byUnknown')
    const changed = card.changedBy ? `<span>${t('phone.changedBy', { name: card.changedBy.id === selfId ? say('phone.scale.you') : card.changedBy.name })}</span>` : ''
    const tag = card.quote ? `<span class="phone-tag">${t('phone.ownWords')}</span>` : ''
    const agreed = card.childAgreed ? `<span class="phone-tag">${t('phone.childAgreed')}</span>` : ''
    return `<p class="phone-byline"><span>${by}</span>${changed}${tag}${agreed}</p>`
  }
  const disagreements = (list: readonly Disagreement[] = []) => {
    if (list.length === 0) return ''
    const names = list.filter((d) => d.participantId !== selfId).map((d) => d.name || say('phone.byUnknown'))
    const said = disagreementMessage({ names, includesYou: list.some((d) => d.participantId === selfId) })
    return `<p class="phone-disagree">${t(said.key, said.vars)}</p>`
  }
  const item = (entry: MapItem) =>
    `<li class="phone-item" data-testid="phone-item"><p class="phone-item-text">${text(entry.text, entry.quote)}</p>${byline(entry)}${disagreements(entry.disagreements)}</li>`

  const stepFacts = (step: MapNextStep) => {
    const date = step.fields.dueDate ? escapeHtml(formatDueDate(step.fields.dueDate, locale)) : ''
    return (
      `<ul class="phone-facts"><li><span class="phone-fact-label">${t('phone.step.who')}</span> ${step.fields.owner ? escapeHtml(step.fields.owner) : t('phone.step.nobodyYet')}</li>` +
      `<li><span class="phone-fact-label">${t('phone.step.byWhen')}</span> ${date || t('phone.step.noDate')}</li></ul>`
    )
  }
  const card = (label: string, sentence: string, rest: string) =>
    `<li class="phone-item phone-card"><p class="phone-card-label">${label}</p><p class="phone-item-text">${sentence}</p>${rest}</li>`

  const dangerStatements = (map: SafetyMap) => {
    if (map.dangerStatements.length === 0) return ''
    const cards = map.dangerStatements.map((statement) => {
      const goals = map.safetyGoals.filter((g) => g.dangerStatementId === statement.id)
      const linked = goals.length === 0 ? `<p class="phone-muted">${t('phone.noGoalYet')}</p>` : (
        `<div class="phone-linked"><p class="phone-linked-heading">${t('phone.goalsForWorry', { number: statement.number })}</p><ul class="phone-linked-list">` +
        goals.map((goal) => {
          const steps = map.nextSteps.filter((s) => s.safetyGoalId === goal.id)
          const stepList = steps.length === 0 ? '' : `<ul class="phone-linked-list">${steps.map((step) => `<li><p><span class="phone-fact-label">${t('phone.step.label')}</span> ${text(step.fields.action, step.quote)}</p>${stepFacts(step)}</li>`).join('')}</ul>`
          return `<li><p>${text(composeSafetyGoal(goal.slots, locale), goal.quote)}</p>${stepList}</li>`
        }).join('') +
        '</ul></div>'
      )
      return card(t('toolkit.card.worry', { number: statement.number }), text(composeDangerStatement(statement.slots, locale), statement.quote), byline(statement) + disagreements(statement.disagreements) + linked)
    })
    return `<ol class="phone-items phone-cards" aria-label="${t('phone.worries')}">${cards.join('')}</ol>`
  }
  const safetyGoals = (map: SafetyMap) => {
    if (map.safetyGoals.length === 0) return ''
    const cards = map.safetyGoals.map((goal) =>
      card(
        goal.dangerStatementNumber !== null ? t('toolkit.card.goalFor', { number: goal.dangerStatementNumber }) : t('toolkit.card.goalUnlinked'),
        text(composeSafetyGoal(goal.slots, locale), goal.quote),
        byline(goal) + disagreements(goal.disagreements),
      ),
    )
    return `<ul class="phone-items phone-cards" aria-label="${t('phone.goals')}">${cards.join('')}</ul>`
  }
  const nextSteps = (map: SafetyMap) => {
    if (map.nextSteps.length === 0) return ''
    const goalNumber = new Map(map.safetyGoals.map((g) => [g.id, g.dangerStatementNumber]))
    const cards = map.nextSteps.map((step) => {
      const worry = step.safetyGoalId ? goalNumber.get(step.safetyGoalId) : undefined
      return card(
        typeof worry === 'number' ? t('phone.step.forWorry', { number: worry }) : t('toolkit.card.nextStep'),
        step.fields.action ? text(step.fields.action, step.quote) : t('phone.step.noAction'),
        stepFacts(step) + byline(step) + disagreements(step.disagreements),
      )
    })
    return `<ul class="phone-items phone-cards" aria-label="${t('phone.steps')}">${cards.join('')}</ul>`
  }
  /** The toolkit cards a section holds (as the live list's `sectionCards`). */
  const sectionCards = (section: SectionKey, map: SafetyMap) =>
    section === 'danger' ? dangerStatements(map) : section === 'goals' ? safetyGoals(map) : section === 'next-steps' ? nextSteps(map) : ''

  /** What 0 and 10 mean in the facilitator's words, as the live list says it. */
  const scaleEnds = (row: ScaleRow) => (row.ends ? `<p class="phone-hint">${escapeHtml(scaleEndsText(row.ends, say))}</p>` : '')
  /** A line's marks, read-only (the live list's `ScaleMarks`); `title` is the line's name, unescaped. */
  const scaleMarks = (row: ScaleRow, title: string) => {
    const marksLabel = `aria-label="${t('phone.scale.marksOn', { scale: title })}"`
    if (row.hidden) {
      // A private line: who has rated, never a number (the numbers are not in the doc either).
      const rated = row.hidden.map((m) => `<li class="phone-mark">${m.participantId === selfId ? t('phone.scale.youRated') : t('toolkit.hidden.hasRated', { name: m.participantName })}</li>`)
      return `${scaleEnds(row)}<p class="phone-muted">${t('phone.scale.private')}</p>` + (rated.length === 0 ? `<p class="phone-muted">${t('toolkit.hidden.nobodyYet')}</p>` : `<ul class="phone-marks" ${marksLabel}>${rated.join('')}</ul>`)
    }
    const dots = row.marks.map((m) => `<span class="${m.participantId === selfId ? 'phone-track-dot phone-track-dot-self' : 'phone-track-dot'}" style="left: ${Math.min(10, Math.max(0, m.value)) * 10}%"></span>`)
    const track = `<div class="phone-track" aria-hidden="true"><span class="phone-track-end">0</span><span class="phone-track-line">${dots.join('')}</span><span class="phone-track-end">10</span></div>`
    const marks = row.marks.map((m) => {
      const who = m.participantId === selfId ? t('phone.scale.you') : m.participantName ? escapeHtml(m.participantName) : t('phone.byUnknown')
      const reason = (key: MessageKey, value: string) => (value ? `<p><span class="phone-fact-label">${t(key)}</span> ${escapeHtml(value)}</p>` : '')
      return `<li class="phone-mark"><p class="phone-mark-head"><span>${who}</span><span class="phone-mark-value">${number(m.value)}</span></p>${reason('toolkit.mark.whatMakesItThisHigh', m.whatMakesItThisHigh)}${reason('toolkit.mark.onePointHigher', m.onePointHigher)}</li>`
    })
    return scaleEnds(row) + track + (marks.length === 0 ? `<p class="phone-muted">${t('phone.scale.noMarks')}</p>` : `<ul class="phone-marks" ${marksLabel}>${marks.join('')}</ul>`)
  }
  const scaleLine = (row: ScaleRow) => {
    const title = row.statement ? say('toolkit.card.worry', { number: row.statement.number }) : row.orphan ? say('phone.scale.gone') : say('toolkit.mark.overall')
    const about = row.statement ? `<p class="phone-scale-about">${escapeHtml(composeDangerStatement(row.statement.slots, locale))}</p>` : ''
    return `<li class="phone-item phone-scale"><h3 class="phone-card-label">${escapeHtml(title)}</h3>${about}${scaleMarks(row, title)}</li>`
  }
  const scales = (map: SafetyMap) =>
    `<div class="phone-scales"><ul class="phone-items">${scaleRows(map, selfId).map(scaleLine).join('')}</ul></div>`

  /** One part of the map (the live list's `SectionList`): `zone` `null` for the unsorted notes, which take no new ones; `heading` and `hint` unescaped. */
  const section = (part: { zone: ItemZoneKey | null; heading: string; hint?: string | null; items: readonly MapItem[]; level: 2 | 3; cards?: string; addable?: boolean }) => {
    const { zone, heading, items, level, cards = '' } = part
    const hint = part.hint ? `<p class="phone-hint">${escapeHtml(part.hint)}</p>` : ''
    const list = items.length === 0 ? (cards ? '' : `<p class="phone-muted phone-empty">${t('phone.empty')}</p>`) : `<ul class="phone-items">${items.map(item).join('')}</ul>`
    // The live list's "Add to …" button in its place (inert until then), so the items below do not move at takeover.
    const add = zone && canAdd && part.addable !== false ? `<div class="phone-add" data-section="${zone}" inert><button type="button" class="phone-add-open">${t('phone.add', { section: heading })}</button></div>` : ''
    return `<section class="phone-section" data-section="${zone ?? 'unsorted'}"><h${level} class="phone-section-heading">${escapeHtml(heading)}</h${level}>${hint}${cards}${list}${add}</section>`
  }
  const mapSection = (map: SafetyMap, key: SectionKey, level: 2 | 3, cards: string) =>
    section({ zone: key, ...templateZoneText(key, map.variant, locale, labels), items: map.sections[key], level, cards })

  /** A placed template (the live list's `PlacedTemplateList`); zones without a placement are the map's own sections. */
  const placedTemplate = (map: SafetyMap, template: MapPlacedTemplate) => {
    const { placementId, templateId } = template
    const ownMap = placementId === ''
    // Three Houses holds the child's own words only (the live list's `PlacedTemplateList`).
    const childsOwn = templateId !== null && CHILDS_OWN_TEMPLATES.has(templateId)
    const zones = (Object.keys(template.sections) as ItemZoneKey[]).map((key) => {
      const words = templateZoneText(key, templateId, locale, labels)
      const heading = template.headings[key] ?? words.heading
      const path = key === SAFETY_HOUSE_PATH_KEY && template.path ? `<div class="phone-scales">${scaleMarks(pathRow(template.path, map, selfId), heading)}</div>` : ''
      return section({ zone: key, heading, hint: words.hint, items: template.sections[key] ?? [], level: ownMap ? 2 : 3, cards: path, addable: !childsOwn })
    })
    if (ownMap) return zones.join('')
    const name = templateId ? t(`phone.template.${templateId}`) : t('phone.template.other')
    const consent = template.parentConsent ? `<p class="phone-hint">${t('templates.consent.shown', { name: template.parentConsent.givenBy })}</p>` : ''
    const wording = template.wordingAgreed !== undefined ? `<p class="phone-hint">${t(`phone.story.${storyWordingState(template.wordingAgreed)}`, { name: template.wordingAgreed?.givenBy ?? '' })}</p>` : ''
    const members = template.familyMembers ?? []
    const said = [
      sentenceList(t('phone.ecomap.ties'), (template.ties ?? []).map((tie) => tieSentence(tie, locale))),
      sentenceList(t('phone.familyTree.people'), members.map((m) => describeFamilyMember(m, locale))),
      sentenceList(t('phone.familyTree.relationships'), (template.relationships ?? []).map((r) => relationshipSentence(r, members, locale))),
    ].join('')
    return `<section class="phone-column" data-template="${templateId ?? 'other'}" data-placement="${escapeHtml(placementId)}"><h2 class="phone-column-heading">${name}</h2>${consent}${wording}${childsOwn ? `<p class="phone-hint">${t('phone.template.childsWordsOnly')}</p>` : ''}${zones.join('')}${said}</section>`
  }

  return { t, section, mapSection, sectionCards, scales, placedTemplate }
}

/** Read-only sentences under a heading (a diagram's lines, a family tree's people), escaped; nothing when there are none. */
function sentenceList(heading: string, sentences: readonly string[]): string {
  if (sentences.length === 0) return ''
  return `<section class="phone-section"><h3 class="phone-section-heading">${heading}</h3><ul class="phone-items">${sentences.map((s) => `<li class="phone-item"><p class="phone-item-text">${escapeHtml(s)}</p></li>`).join('')}</ul></section>`
}

/** The list of `map` as `reader` would see it in the live view, ready to go inside the page's body. */
export function renderPhoneListHtml(map: SafetyMap, meetingTitle: string, reader: PhoneListReader): string {
  const finalized = map.status === 'finalized'
  const { t, section, mapSection, sectionCards, scales, placedTemplate } = writer(reader, reader.role !== 'viewer' && !finalized)
  const notices =
    (finalized ? `<p class="phone-notice">${t('phone.finalized')}</p>` : '') +
    (reader.role === 'viewer' && !finalized ? `<p class="phone-notice">${t('meeting.viewerNotice')}</p>` : '')
  const columns = COLUMN_KEYS.map(
    (column) =>
      `<section class="phone-column"><h2 class="phone-column-heading" data-column="${column}">${escapeHtml(zoneLabel(column, reader.locale, reader.labels))}</h2>` +
      COLUMN_SECTIONS[column].map((key) => mapSection(map, key, 3, sectionCards(key, map))).join('') +
      '</section>',
  )
  const unsorted = map.unsorted.length > 0 ? section({ zone: null, heading: reader.words['phone.unsorted'], items: map.unsorted, level: 2 }) : ''
  // The live list's bar, "Who's here" and "Go to a part of the map", drawn the same so nothing moves when it takes over, but
  // inert until then: the switch, the language buttons and Hide work only in the app.
  const languages = LOCALES.map((option) => `<button type="button" lang="${option}" aria-pressed="${option === reader.locale}">${option.toUpperCase()}</button>`)
  const bar =
    `<div class="phone-bar-row"><p class="connection-status" data-state="connecting">${t('connection.connecting')}</p>` +
    `<div class="language-switch" inert>${languages.join('')}</div><button type="button" class="hide-screen-button" inert>${t('hide.button')}</button></div>`
  const views = `<nav class="phone-views" aria-label="${t('phone.otherViews')}"><a class="button phone-switch" inert>${t('phone.showBoard')}</a></nav>`
  const people = `<details class="phone-people" inert><summary>${t('whosHere.heading')}</summary></details>`
  const jump = `<nav class="phone-jump" aria-label="${t('phone.jump.label')}"><details inert><summary>${t('phone.jump.open')}</summary></details></nav>`
  return (
    // "Connecting…": the copy is not live yet.
    `<div class="phone"><header class="phone-bar"><h1 class="phone-title">${escapeHtml(map.title || meetingTitle)}</h1>${bar}</header>${notices}${views}` +
    `<main class="phone-main" aria-label="${t('phone.mapLabel')}">${people}${jump}${columns.join('')}${mapSection(map, 'scale', 2, scales(map))}` +
    `${map.templates.map((template) => placedTemplate(map, template)).join('')}${unsorted}</main></div>`
  )
}
