/**
 * The meeting canvas (`/m/:id`), loaded lazily with tldraw and Yjs: opens the meeting's doc over
 * the relay, binds it to a tldraw store, and frames the canvas with the meeting bar (title,
 * connection status, who's here, language). Viewers get a read-only canvas.
 *
 * Every asset tldraw needs comes from our own server (`@tldraw/assets`), the licence key is read
 * at run time from `/api/config`, and pasted links, embeds and files never reach a third party.
 *
 *   const { MeetingCanvas } = await import('./canvas/MeetingCanvas.tsx')
 *   <MeetingCanvas meeting={meeting} user={user} licenseKey={config.tldrawLicenseKey} />
 */
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { setAwarenessUser, useYjsStore } from '@safetymap/tldraw-yjs'
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { Tldraw, useValue, type Editor, type TldrawOptions } from 'tldraw'
import 'tldraw/tldraw.css'
import type { LabelOverrides } from '@safetymap/map-model'
import type { Meeting } from '../api/api.ts'
import { AuditTrailButton } from '../access/AuditTrailButton.tsx'
import { MeetingClosedScreen } from '../access/MeetingClosedScreen.tsx'
import { RestrictedItems } from '../access/RestrictedItems.tsx'
import { useLobby } from '../access/useLobby.ts'
import { useMeetingAccess } from '../access/useMeetingAccess.ts'
import { useRelayClose } from '../access/useRelayClose.ts'
import { WaitingNotice } from '../access/WaitingNotice.tsx'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx'
import { HideScreen } from '../safety/HideScreen.tsx'
import { TalkCheckButton, TalkCheckQuestion } from '../safety/TalkCheck.tsx'
import { useTalkCheck } from '../safety/useTalkCheck.ts'
import { useWarnBeforeLeaving } from '../ui/useWarnBeforeLeaving.ts'
import { Link } from '../router/Link.tsx'
import { blockThirdPartyContent } from './blockThirdPartyContent.ts'
import './canvas.css'
import { CanvasKeyboardHint } from './CanvasKeyboardHint.tsx'
import { canvasUiComponents, useCanvasUiOverrides } from './canvasUiOverrides.ts'
import { ConnectionStatus } from './ConnectionStatus.tsx'
import { createMeetingConnection, type MeetingConnection } from './createMeetingConnection.ts'
import { createMeetingShapeUtils, MEETING_BINDING_UTILS } from './meetingShapeUtils.ts'
import { ToolkitControls } from './shapes/ToolkitControls.tsx'
import { FitNotesToText } from './FitNotesToText.tsx'
import { FollowMe } from './FollowMe.tsx'
import { TemplateControls } from './templates/TemplateControls.tsx'
import { createToolkitState } from './shapes/toolkitState.ts'
import { useEarlierRatings } from '../ratings/useEarlierRatings.ts'
import type { MeetingUser } from './MeetingUser.ts'
import { MeetingNotices } from './MeetingNotices.tsx'
import { MeetingSteps } from './MeetingSteps.tsx'
import { noteAuthorMeta, recordNoteChanges } from './noteAuthorMeta.ts'
import { OWN_SCREEN_READABLE_ZOOM, showMapTop } from './showMapTop.ts'
import { screenBoundsFollowLayout } from './screenBoundsFollowLayout.ts'
import { shortcutsFollowFocus } from './shortcutsFollowFocus.ts'
import { useBoardLocale } from './useBoardLocale.ts'
import { usePeers } from './usePeers.ts'
import { userColor } from './userColor.ts'
import { useTldrawUser } from './useTldrawUser.ts'
import { WhosHere } from './WhosHere.tsx'
import { JournalButton } from '../journal/JournalButton.tsx'
import { ExportButton } from '../export/ExportButton.tsx'
import { MeetingDetailsButton, type MeetingDetailsRequest } from '../meetingDetails/MeetingDetailsButton.tsx'
import { ShowAsListLink } from '../phone/ShowAsListLink.tsx'

/** Fonts, icons and translations, bundled by Vite and served by our own server. */
const ASSET_URLS = getAssetUrlsByImport()

/** A meeting is one page (map-model MM-4). */
const EDITOR_OPTIONS: Partial<TldrawOptions> = { maxPages: 1 }

/** Width from which the people panel starts open beside the canvas. */
const WIDE_SCREEN_QUERY = '(min-width: 900px)'

const PEOPLE_PANEL_ID = 'whos-here-panel'

/** Props of {@link MeetingCanvas}. */
export interface MeetingCanvasProps {
  readonly meeting: Meeting
  readonly user: MeetingUser
  readonly licenseKey: string | null
  /** The agency's own section headings from `/api/config` (map-model MM-28). */
  readonly labels?: LabelOverrides
}

/** Opens the meeting's connection for as long as the page shows it. */
export function MeetingCanvas(props: MeetingCanvasProps) {
  const { t } = useI18n()
  const [connection, setConnection] = useState<MeetingConnection | null>(null)
  const meetingId = props.meeting.id

  useEffect(() => {
    const opened = createMeetingConnection({ meetingId, origin: window.location })
    setConnection(opened)
    return () => opened.destroy()
  }, [meetingId])
  // Removed (4403) or meeting ended (4410): the provider has stopped; nothing of the map stays.
  const closedWith = useRelayClose(connection?.provider ?? null)

  if (closedWith !== null) return <MeetingClosedScreen code={closedWith} staff={props.meeting.role === 'facilitator'} />
  if (!connection) return <p className="canvas-loading">{t('meeting.opening')}</p>
  return <MeetingRoom key={connection.doc.guid} connection={connection} {...props} />
}

function MeetingRoom({ connection, meeting, user, licenseKey, labels }: MeetingCanvasProps & { connection: MeetingConnection }) {
  const { t, locale, chosen } = useI18n()
  const { doc, awareness, tracker } = connection
  const snapshot = useSyncExternalStore(tracker.subscribe, tracker.getSnapshot)
  const peers = usePeers(awareness)
  const color = userColor(user.id)
  const [peopleOpen, setPeopleOpen] = useState(() => window.matchMedia(WIDE_SCREEN_QUERY).matches)
  const [filesBlocked, setFilesBlocked] = useState(0)
  const [editor, setEditor] = useState<Editor | null>(null)
  const canvasOverrides = useCanvasUiOverrides(editor)
  // The strip above the canvas that holds the meeting tools (ToolkitBar), so they never cover the map.
  const [toolkitSlot, setToolkitSlot] = useState<HTMLElement | null>(null)
  // Beside the canvas, before the people column: where the facilitator's "Meeting steps" open.
  const [stepsSlot, setStepsSlot] = useState<HTMLElement | null>(null)
  // "Meeting steps" asking for "Meeting details" at a field.
  const [detailsRequest, setDetailsRequest] = useState<MeetingDetailsRequest | null>(null)
  const openDetailsAt = useCallback((field: MeetingDetailsRequest['field']) => setDetailsRequest({ field }), [])
  // Role and status as they are now (a facilitator may change them mid-meeting), and the roster.
  const access = useMeetingAccess({ meeting, doc, live: snapshot.state === 'live' })
  const role = access.role
  // Who waits in the lobby (facilitators only); the notice lets them in like the panel does.
  const lobby = useLobby({ meetingId: meeting.id, roster: access.roster, refresh: access.refresh })
  const waitingCount = role === 'facilitator' ? lobby.waiting.length : 0
  const [showWaitingRequest, setShowWaitingRequest] = useState(0)
  const peopleToggleRef = useRef<HTMLButtonElement>(null)
  const showWaiting = useCallback(() => {
    setPeopleOpen(true)
    setShowWaitingRequest((n) => n + 1)
  }, [])
  // Escape in the panel: it closes, and the keyboard is back on the button that opens it.
  const closePeople = useCallback(() => {
    setPeopleOpen(false)
    peopleToggleRef.current?.focus()
  }, [])

  useEffect(() => {
    // Nothing will let this person back in: stop knocking.
    if (access.closedWith !== null) connection.stop(access.closedWith)
  }, [access.closedWith, connection])

  useEffect(() => {
    setAwarenessUser(awareness, { id: user.id, name: user.name, color, role })
  }, [awareness, user.id, user.name, role, color])

  useWarnBeforeLeaving(snapshot.hasUnsentChanges && snapshot.state !== 'live')
  // A remote family or network member on a computer gets the phone's safety tools too (guide §9).
  const talkCheck = useTalkCheck(meeting.id, user)

  // A language someone picked on their own device is their board's too; the facilitator's board, which the room may watch, stays in the meeting's.
  const boardLocale = useBoardLocale(doc, meeting.locale, chosen && role !== 'facilitator' ? locale : null)
  // The meeting's language as the doc has it now, which a facilitator may change in "Meeting details".
  const meetingLocale = useValue(useBoardLocale(doc, meeting.locale, null))
  const toolkit = useMemo(() => createToolkitState(boardLocale), [boardLocale])
  const earlierRatings = useEarlierRatings(meeting.id, doc, meeting.version)
  useEffect(() => {
    toolkit.earlierRatings.set(earlierRatings)
  }, [toolkit, earlierRatings])
  const shapeUtils = useMemo(() => createMeetingShapeUtils(boardLocale, toolkit, labels), [boardLocale, toolkit, labels])
  const tldrawUser = useTldrawUser({ id: user.id, name: user.name, color })
  const { storeWithStatus, schemaStatus } = useYjsStore({
    doc,
    awareness,
    synced: snapshot.hasSynced,
    connectionStatus: snapshot.state === 'live' ? 'online' : 'offline',
    user: { id: user.id, name: user.name, color },
    readonly: role === 'viewer' || access.finalized,
    shapeUtils,
    bindingUtils: MEETING_BINDING_UTILS,
  })

  const onMount = useCallback(
    (editor: Editor) => {
      blockThirdPartyContent(editor, { onBlocked: () => setFilesBlocked(Date.now()) })
      editor.getInitialMetaForShape = noteAuthorMeta({ id: user.id, name: user.name })
      const stops = [
        recordNoteChanges(editor, { id: user.id, name: user.name }),
        showMapTop(editor, user.role === 'facilitator' ? {} : { readableZoom: OWN_SCREEN_READABLE_ZOOM }),
        shortcutsFollowFocus(editor),
        screenBoundsFollowLayout(editor),
      ]
      setEditor(editor)
      // tldraw calls this when the editor goes (a remount, leaving the meeting): nothing stays listening.
      return () => stops.forEach((stop) => stop())
    },
    [user.id, user.name, user.role],
  )

  // Removed or ended while this page could not hear the relay say so: nothing of the map stays.
  if (access.closedWith !== null) return <MeetingClosedScreen code={access.closedWith} staff={role === 'facilitator'} />
  return (
    <div className="meeting">
      <header className="meeting-bar">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <h1>{meeting.title}</h1>
        <ConnectionStatus snapshot={snapshot} finished={access.finalized} />
        <button
          ref={peopleToggleRef}
          type="button"
          aria-expanded={peopleOpen}
          aria-controls={PEOPLE_PANEL_ID}
          onClick={() => setPeopleOpen((open) => !open)}
        >
          {waitingCount > 0
            ? t('whosHere.summaryWaiting', { count: peers.length, waiting: waitingCount })
            : t('whosHere.summary', { count: peers.length })}
        </button>
        {role === 'facilitator' && <MeetingDetailsButton meeting={meeting} meetingLocale={meetingLocale} finalized={access.finalized} openAt={detailsRequest} />}
        {role === 'facilitator' && <ExportButton meetingId={meeting.id} title={meeting.title} editor={editor} meetingLocale={meetingLocale} />}
        {role === 'facilitator' && <AuditTrailButton meetingId={meeting.id} roster={access.roster} />}
        <LanguageSwitch />
        <TalkCheckButton check={talkCheck} />
        {talkCheck.asked ? <HideScreen /> : null}
      </header>
      <TalkCheckQuestion check={talkCheck} floating />
      <MeetingNotices
        role={role}
        schemaStatus={schemaStatus}
        filesBlockedAt={filesBlocked}
        finalized={access.finalized}
        ended={role === 'facilitator' && access.endedAt !== null}
      />
      {role === 'facilitator' ? (
        <WaitingNotice lobby={lobby} panelId={PEOPLE_PANEL_ID} onShowWaiting={showWaiting} returnFocusRef={peopleToggleRef} />
      ) : null}
      {/* Across the canvas and the people column: the tools keep to fewer rows, leaving the map more height. A landmark, so a screen reader finds them. */}
      <section ref={setToolkitSlot} className="meeting-tools" aria-label={t('toolkit.bar')} />
      <div className="meeting-body">
        <main className="meeting-canvas" aria-label={t('meeting.canvasLabel', { title: meeting.title })}>
          <Tldraw
            store={storeWithStatus}
            shapeUtils={shapeUtils}
            bindingUtils={MEETING_BINDING_UTILS}
            assetUrls={ASSET_URLS}
            licenseKey={licenseKey ?? undefined}
            overrides={canvasOverrides}
            components={canvasUiComponents}
            options={EDITOR_OPTIONS}
            user={tldrawUser}
            locale={locale}
            onMount={onMount}
          >
            <CanvasKeyboardHint />
            <ToolkitControls
              doc={doc}
              user={user}
              toolkit={toolkit}
              canEdit={role !== 'viewer' && !access.finalized}
              meetingId={meeting.id}
              isFacilitator={role === 'facilitator'}
              roster={access.roster}
              barSlot={toolkitSlot}
              extra={
                <>
                  {role === 'facilitator' ? (
                    <MeetingSteps
                      meetingId={meeting.id}
                      doc={doc}
                      toolkit={toolkit}
                      slot={stepsSlot}
                      canEdit={!access.finalized}
                      onShowPeople={showWaiting}
                      onOpenDetails={openDetailsAt}
                    />
                  ) : null}
                  <FollowMe doc={doc} awareness={awareness} selfId={user.id} isFacilitator={role === 'facilitator'} labels={labels} />
                  <TemplateControls
                    doc={doc}
                    user={user}
                    canEdit={role !== 'viewer' && !access.finalized}
                    isFacilitator={role === 'facilitator'}
                    roster={access.roster}
                    labels={labels}
                  />
                  {/* Last of the tools, beside the map rather than over it; on a phone it floats over the board (`showAsList.css`). */}
                  <ShowAsListLink meetingId={meeting.id} />
                </>
              }
            />
            {role === 'facilitator' ? <RestrictedItems meetingId={meeting.id} canRestrict={!access.finalized} /> : null}
            {role === 'facilitator' && !access.finalized ? <FitNotesToText /> : null}
          </Tldraw>
        </main>
        <div ref={setStepsSlot} className="meeting-steps-slot" />
        <WhosHere
          id={PEOPLE_PANEL_ID}
          doc={doc}
          peers={peers}
          open={peopleOpen}
          meetingId={meeting.id}
          selfId={user.id}
          access={access}
          isFacilitator={role === 'facilitator'}
          showWaitingRequest={showWaitingRequest}
          onClose={closePeople}
          // In the people panel, not the bar: the bar keeps to one row on a projector in Spanish.
          journal={<JournalButton meetingId={meeting.id} canWrite={role !== 'viewer'} />}
        />
      </div>
    </div>
  )
}
