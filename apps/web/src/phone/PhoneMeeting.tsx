/**
 * The phone view of one open meeting: a bar (title, connection, switch to the board, language;
 * on screen all the time unless large text makes it tall, useStickyBar.ts), the people here, then
 * the map as lists in the board's reading order — each column's heading, its sections with their
 * items, then the rating band — live as anyone writes. The person adds to any section (the note
 * lands inside that section's zone on the board, with their name), and changes or removes their
 * own items. Items written while not live say "Not sent yet" until the
 * next sync with the relay, and so do items written while live that the relay has not stored within
 * a few seconds (a stalled connection, useServerAck.ts); what is typed into a form still open
 * survives a reload (ui/drafts.ts).
 * The toolkit shows in its sections: danger statements with their goals and next steps, goals,
 * next steps, and under the rating band every scaling line with everyone's marks, where the
 * person places or moves their own mark with its two reasons. Templates placed beside the map
 * (Three Houses, the Safety House, the circles) follow the rating band, each zone a section the
 * person adds to in the same way. When a facilitator uses follow-me on the board, a line says
 * which part of the map they are showing ("Now talking about: What's working well?") with a
 * button to go there. Near the top, "Go to a part of the map" opens a link to each column, the
 * scaling question, each placed template and the safety journal, so a long list need not be
 * scrolled through. Last comes the safety journal (journal/SafetyJournal.tsx): how visits and the
 * plan went between meetings, kept on the server, so it is written while the map is finished too.
 * For safety (guide §9), "Hide" in the bar covers the page at once, and a remote member is asked
 * whether she can talk freely (safety/TalkCheck.tsx), her answer for the facilitators only.
 *
 *   <PhoneMeeting connection={phone} meeting={meeting} user={user} />
 */
import {
  COLUMN_KEYS,
  COLUMN_SECTIONS,
  addDisagreement,
  addItem,
  addTemplateItem,
  deleteItem,
  updateItemText,
  withdrawDisagreement,
  writeScalingMark,
  templateZoneText,
  zoneLabel,
  type ItemAuthor,
  type ItemZoneKey,
  type SafetyMap,
  type ScalingReasons,
  type SectionKey,
} from '@safetymap/map-model'
import type { ReactNode } from 'react'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import type { Meeting } from '../api/api.ts'
import { RELAY_CLOSE_CODE } from '../access/useRelayClose.ts'
import { ConnectionStatus } from '../canvas/ConnectionStatus.tsx'
import { ratingsApi } from '../canvas/ratingsApi.ts'
import type { MeetingUser } from '../canvas/MeetingUser.ts'
import { userColor } from '../canvas/userColor.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { Link } from '../router/Link.tsx'
import { meetingPath } from '../router/matchRoute.ts'
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx'
import { HideScreen } from '../safety/HideScreen.tsx'
import { TalkCheckQuestion } from '../safety/TalkCheck.tsx'
import { useTalkCheck } from '../safety/useTalkCheck.ts'
import { useWarnBeforeLeaving } from '../ui/useWarnBeforeLeaving.ts'
import { EarlierRatingsContext, useEarlierRatings } from '../ratings/useEarlierRatings.ts'
import { addFormKey, createDrafts } from '../ui/drafts.ts'
import { goToPart } from './focusHeading.ts'
import { SafetyJournal } from '../journal/SafetyJournal.tsx'
import { JOURNAL_ANCHOR_ID } from '../journal/journalAnchor.ts'
import { JumpList } from './JumpList.tsx'
import { jumpTargets } from './jumpTargets.ts'
import { useFocusWithin } from './useFocusWithin.ts'
import { KeptWords, type KeptWhy } from './KeptWords.tsx'
import { forgetsMap, type PhoneConnection } from './openPhoneConnection.ts'
import { createPendingItems } from './pendingItems.ts'
import type { SendOutcome } from './pendingRatings.ts'
import { PeopleList } from './PeopleList.tsx'
import { mayReplaceServerCopy } from './handOver.ts'
import { dropPrerenderedList, prerenderedStateVector } from './prerenderedList.ts'
import { PlacedTemplateList } from './PlacedTemplateList.tsx'
import { focusAnchorId } from './readFocus.ts'
import { AWARENESS_USER_FIELD } from './readPeople.ts'
import { ScaleList } from './ScaleList.tsx'
import { scaleRows } from './scaleRows.ts'
import { SectionList, type SectionActions } from './SectionList.tsx'
import { DangerStatementCards, NextStepCards, SafetyGoalCards, type CardActions } from './ToolkitCards.tsx'
import { useFocus, useLiveMap, usePeople } from './useLiveMap.ts'
import { useMapFinished } from './useMapFinished.ts'
import { useNewItemsAnnouncement } from './useNewItemsAnnouncement.ts'
import { useJustSent } from './NotSent.tsx'
import { useServerAck } from './useServerAck.ts'
import { usePendingRatings } from './usePendingRatings.ts'
import { useStickyBar } from './useStickyBar.ts'
import { createTypedWords } from './typedWords.ts'
import { rememberView } from './viewPreference.ts'

/** Props of {@link PhoneMeeting}. */
export interface PhoneMeetingProps {
  readonly connection: PhoneConnection
  readonly meeting: Meeting
  readonly user: MeetingUser
}

/** The toolkit cards a section holds, and whether there are any. */
function sectionCards(section: SectionKey, map: SafetyMap, actions: CardActions): { cards: ReactNode; count: number } {
  switch (section) {
    case 'danger':
      return { cards: <DangerStatementCards map={map} actions={actions} />, count: map.dangerStatements.length }
    case 'goals':
      return { cards: <SafetyGoalCards map={map} actions={actions} />, count: map.safetyGoals.length }
    case 'next-steps':
      return { cards: <NextStepCards map={map} actions={actions} />, count: map.nextSteps.length }
    default:
      return { cards: null, count: 0 }
  }
}

/**
 * Removed from the meeting (4403) or the meeting closed (4410): the map leaves this screen at once,
 * as the board gives way to its closed page; only the notice saying why stays, with the new words
 * she had typed and not sent (typedWords.ts), hers to copy.
 */
const MAP_WITHDRAWN: ReadonlySet<number> = new Set([4403, 4410])

function endedMessage(code: number | null): MessageKey {
  switch (code) {
    case 4403:
      return 'phone.ended.removed'
    case 4410:
      return 'phone.ended.closed'
    case 4429:
      return 'phone.ended.full'
    case RELAY_CLOSE_CODE.finalizedEditsRefused:
      return 'meeting.finalizedOfflineBody'
    default:
      return 'phone.ended.other'
  }
}

/** The live list view. */
export function PhoneMeeting({ connection, meeting, user }: PhoneMeetingProps) {
  const { t, locale } = useI18n()
  const { doc, awareness, tracker } = connection
  const snapshot = useSyncExternalStore(tracker.subscribe, tracker.getSnapshot)
  const endedCode = useSyncExternalStore(connection.subscribe, () => connection.endedCode)
  const localLoaded = useSyncExternalStore(connection.subscribe, () => connection.localLoaded)
  const { map, hasTemplate, zones } = useLiveMap(doc)
  // The agency's own headings (MM-28) come in the meeting's answer, which the list waits for anyway and
  // keeps for visits without signal: no request of their own, and unlike words written into list.html
  // they also reach a list opened after "Join" or offline. The server's own list uses them too.
  const { labels } = meeting
  const news = useNewItemsAnnouncement(map, hasTemplate, user.id, labels)
  const people = usePeople(awareness, connection.provider)
  const focus = useFocus(awareness, zones)
  const pending = useMemo(() => createPendingItems(meeting.id), [meeting.id])
  const [, setPendingVersion] = useState(0)
  const ack = useServerAck(connection.provider)
  const drafts = useMemo(() => createDrafts(meeting.id), [meeting.id])
  const typed = useMemo(createTypedWords, [])
  const [typedDone, setTypedDone] = useState(false)
  const bar = useStickyBar()
  const talkCheck = useTalkCheck(meeting.id, user)

  useEffect(() => {
    awareness.setLocalStateField(AWARENESS_USER_FIELD, { id: user.id, name: user.name, color: userColor(user.id), role: user.role })
  }, [awareness, user.id, user.name, user.role])

  // A sync with the relay delivers everything this device wrote: the marks can go.
  useEffect(() => {
    if (snapshot.state !== 'live') return
    ack.clear()
    if (pending.size > 0) {
      pending.clear()
      setPendingVersion((v) => v + 1)
    }
  }, [snapshot.state, pending, ack])
  // Said once for all the "Sent" marks that then stand a while where "Not sent yet" was.
  const justSent = useJustSent(pending.size > 0 || ack.hasOverdue)

  // Leaving with unsent changes: the browser asks first (they are safe in IndexedDB, but the person
  // may be about to clear the browser or hand the phone back).
  useWarnBeforeLeaving(snapshot.hasUnsentChanges && snapshot.state !== 'live')

  // Words typed for a map this phone has to forget (removed, meeting closed) go with it.
  useEffect(() => {
    if (endedCode !== null && forgetsMap(endedCode)) drafts.clear()
  }, [endedCode, drafts])

  const finalized = useMapFinished(doc)
  // What each person said when the map was last finished, for "Last time: 4" beside their mark.
  const earlier = useEarlierRatings(meeting.id, doc, meeting.version)
  const ended = endedCode !== null
  // A page the server wrote the list into shows that copy until this list can show the map as new
  // as it (or say why not); this list renders its map only then, replacing the copy in one frame.
  const [serverState] = useState(prerenderedStateVector)
  const holdsBack = serverState !== null && !mayReplaceServerCopy({ doc, hasTemplate, snapshot, ended, serverState })
  useLayoutEffect(() => {
    if (!holdsBack) dropPrerenderedList()
  }, [holdsBack])
  const canWrite = user.role !== 'viewer' && !finalized && !ended
  // Open forms keep their words on screen, saying why: the map withdrawn (removed, closed: that
  // outweighs a finish, which no one can undo for her now), finished here or found so by the relay
  // refusing offline edits, or the connection ended for good (full, other).
  const kept: KeptWhy | null =
    endedCode === RELAY_CLOSE_CODE.removed ? 'removed'
    : endedCode === RELAY_CLOSE_CODE.ended ? 'closed'
    : finalized || endedCode === RELAY_CLOSE_CODE.finalizedEditsRefused ? 'finished'
    : ended ? 'disconnected'
    : null
  const withdrawn = endedCode !== null && MAP_WITHDRAWN.has(endedCode)
  // Read as the map is withdrawn, before its forms go with it.
  const typedWhenWithdrawn = useMemo(() => (withdrawn ? typed.all().join('\n\n') : ''), [withdrawn, typed])
  // The focus in the map as it goes moves to her kept words.
  const mapFocus = useFocusWithin()
  const finishedRef = useRef<HTMLParagraphElement>(null)
  // A finish takes the map's buttons away: the one she last used (Change, Add to …) goes from under
  // her finger with the focus. The sentence saying why takes it and scrolls into view, as it sits at
  // the top, off screen wherever she was; a form's kept words (KeptWords.tsx) take it first, in
  // effects that may run after this one: hence the wait.
  useEffect(() => {
    if (!finalized) return
    const timer = setTimeout(() => {
      const active = document.activeElement
      if (mapFocus.had() && (active === null || active === document.body)) finishedRef.current?.focus()
    })
    return () => clearTimeout(timer)
  }, [finalized, mapFocus])

  /** Writes as the person with `write`; written while not live, what it wrote says "Not sent yet" until the next sync; while live, until the relay has stored it. */
  const writeTracked = useCallback(
    (write: (author: ItemAuthor) => string) => {
      const live = tracker.getSnapshot().state === 'live'
      const id = write({ id: user.id, name: user.name })
      if (live) return ack.written(id)
      pending.add(id)
      setPendingVersion((v) => v + 1)
    },
    [tracker, pending, ack, user.id, user.name],
  )
  const addToTemplate = useCallback(
    (placementId: string, key: ItemZoneKey, text: string) => writeTracked((author) => addTemplateItem(doc, placementId, key, text, author)),
    [writeTracked, doc],
  )
  /** A map section's heading, hint, place for "Go there" and add form. */
  const mapSection = (section: SectionKey) => ({
    zone: section,
    // In the map's own wording, as on the board (a wellbeing map's worries, not "danger statements").
    ...templateZoneText(section, map.variant, locale, labels),
    anchorId: focusAnchorId(section),
    add: {
      draftKey: addFormKey(section),
      onAdd: (text: string) => writeTracked((author) => addItem(doc, section, text, author)),
      question: section === 'scale',
    },
  })
  const privateRatings = usePendingRatings(meeting.id, user.id, snapshot.state === 'live')
  const ratePrivately = privateRatings.rate
  const rate = useCallback(
    async (scaleId: string, value: number, reasons: ScalingReasons, isPrivate: boolean): Promise<SendOutcome> => {
      // Kept by the server until the reveal; the doc only gets "has rated" (map-model MM-23).
      // Offline it waits on the phone and goes once the network is back.
      if (isPrivate) return ratePrivately(scaleId, { value, ...reasons })
      writeTracked((participant) => writeScalingMark(doc, { scaleId, participant, value, reasons }))
      return 'sent'
    },
    [doc, writeTracked, ratePrivately],
  )
  const loadPrivate = useCallback(
    async (scaleId: string) => {
      const result = await ratingsApi.mine(meeting.id, scaleId)
      return result.ok ? result.value.rating : null
    },
    [meeting.id],
  )
  const actions: SectionActions = useMemo(
    () => ({
      canWrite,
      kept,
      typed,
      selfId: user.id,
      isPending: (id) => pending.has(id) || ack.overdue(id),
      drafts,
      update: (id, text) => void updateItemText(doc, id, text, { editor: { id: user.id, name: user.name } }),
      remove: (id) => void deleteItem(doc, id),
      disagree: (id, on) => void (on ? addDisagreement(doc, id, { id: user.id, name: user.name }) : withdrawDisagreement(doc, id, user.id)),
    }),
    [canWrite, kept, typed, user.id, user.name, pending, ack, drafts, doc],
  )

  const titleId = 'phone-title'
  return (
    <div className="phone">
      <header ref={bar.ref} className={bar.sticky ? 'phone-bar' : 'phone-bar phone-bar-scrolls'}>
        <h1 id={titleId} className="phone-title">
          {map.title || meeting.title}
        </h1>
        <div className="phone-bar-row">
          {withdrawn ? null : (
            // With the map gone there is nothing to connect to: "Not connected" would only alarm.
            <ConnectionStatus snapshot={snapshot} endedExplained={ended} finished={finalized} savedOnDevice />
          )}
          <LanguageSwitch />
          <HideScreen />
        </div>
      </header>
      {ended ? null : <TalkCheckQuestion check={talkCheck} withControl />}
      {ended ? (
        <p className="phone-notice phone-notice-ended" role="alert" data-testid="phone-ended" data-code={endedCode}>
          {t(endedMessage(endedCode))}
        </p>
      ) : null}
      {kept && typedWhenWithdrawn && !typedDone ? (
        // The notice above alerts that the meeting is over; these words are read as the focus comes to them.
        <KeptWords why={kept} text={typedWhenWithdrawn} onDone={() => setTypedDone(true)} hadFocus={mapFocus.had} alert={false} />
      ) : null}
      {endedCode === RELAY_CLOSE_CODE.finalizedEditsRefused ? (
        // The local copy with the refused edits is gone (openPhoneConnection): a reload shows the map as kept.
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          {t('meeting.openFinished')}
        </button>
      ) : null}
      {withdrawn ? null : (
        <>
          {/* Always there and polite, so finishing while she watches is read out once; reopening empties it quietly. */}
          <div role="status" data-testid="phone-finished">
            {finalized ? (
              <p className="phone-notice" ref={finishedRef} tabIndex={-1}>
                {t('phone.finalized')}
              </p>
            ) : null}
          </div>
          {user.role === 'viewer' && !finalized ? <p className="phone-notice">{t('meeting.viewerNotice')}</p> : null}
        </>
      )}
      {focus && hasTemplate ? (
        <div className="phone-focus" data-testid="phone-focus" data-zone={focus.zone}>
          <p role="status">{t('phone.focus', { section: templateZoneText(focus.zone, map.variant, locale, labels).heading })}</p>
          <button type="button" onClick={() => goToPart(focusAnchorId(focus.zone))}>
            {t('phone.focusGo')}
          </button>
        </div>
      ) : null}
      {ended ? null : (
        // After a terminal close the board would only say the same; the switch would lead nowhere.
        // Under the bar and its notices, not in the bar: that keeps its room for what must stay in reach (Hide).
        <nav className="phone-views" aria-label={t('phone.otherViews')}>
          <Link to={meetingPath(meeting.id)} className="button phone-switch" onClick={() => rememberView('board')}>
            {t('phone.showBoard')}
          </Link>
        </nav>
      )}
      {withdrawn ? null : (
        <main className="phone-main" aria-label={t('phone.mapLabel')} ref={mapFocus.ref}>
          <p className="phone-visually-hidden" role="status" data-testid="phone-news">
            {news}
          </p>
          {/* Apart from the news above: a sync brings others' notes in the same moment, and one would overwrite the other. */}
          <p className="phone-visually-hidden" role="status" data-testid="phone-sent">
            {justSent ? t('phone.sentNews') : ''}
          </p>
          <PeopleList people={people} offline={snapshot.state === 'offline'} />
          {!hasTemplate || holdsBack ? (
            <p className="phone-loading" aria-live="polite">
              {localLoaded || snapshot.hasSynced ? t('phone.loadingMap') : t('meeting.opening')}
            </p>
          ) : (
            <EarlierRatingsContext.Provider value={earlier}>
              <JumpList targets={jumpTargets(map, locale, labels, t)} />
              {COLUMN_KEYS.map((column) => (
                <section key={column} className="phone-column" aria-labelledby={`phone-column-${column}`}>
                  <h2 id={`phone-column-${column}`} className="phone-column-heading" data-column={column}>
                    {zoneLabel(column, locale, labels)}
                  </h2>
                  {COLUMN_SECTIONS[column].map((section) => {
                    const { cards, count } = sectionCards(section, map, actions)
                    return (
                      <SectionList key={section} {...mapSection(section)} items={map.sections[section]} actions={actions} headingLevel={3} hasCards={count > 0}>
                        {cards}
                      </SectionList>
                    )
                  })}
                </section>
              ))}
              <SectionList {...mapSection('scale')} items={map.sections.scale} actions={actions} headingLevel={2} hasCards>
                <ScaleList
                  rows={scaleRows(map, user.id)}
                  canWrite={canWrite}
                  selfId={user.id}
                  isPending={actions.isPending}
                  onRate={rate}
                  loadPrivate={loadPrivate}
                  unsentPrivate={privateRatings.unsent}
                  privateRefused={privateRatings.wasRefused}
                  kept={kept}
                  typed={typed}
                  drafts={drafts}
                />
              </SectionList>
              {map.templates.map((template) => (
                <PlacedTemplateList key={template.placementId} meetingId={meeting.id} template={template} map={map} labels={labels} actions={actions} onAdd={addToTemplate} />
              ))}
              {map.unsorted.length > 0 ? (
                <SectionList zone={null} heading={t('phone.unsorted')} items={map.unsorted} actions={{ ...actions, canWrite: false }} headingLevel={2} />
              ) : null}
            </EarlierRatingsContext.Provider>
          )}
          {/* On the server, not in the map: written and read while the map is finished too (viewers read it). */}
          <SafetyJournal meetingId={meeting.id} canWrite={user.role !== 'viewer'} headingId={JOURNAL_ANCHOR_ID} />
        </main>
      )}
    </div>
  )
}
