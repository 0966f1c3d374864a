/**
 * Follow-me and present mode (facilitator tools). The facilitator's "Everyone follows me"
 * publishes their visible page area through Yjs awareness (presence, never the doc); everyone
 * else's camera fits that area while following is on, with a "Stop following" button (and
 * "Follow again"). Present mode is per device: large type for a projector, the map framed again in
 * the room it gets (and again, whole, when leaving it), and "Previous part" / "Next part" (or a
 * clicker's PageUp / PageDown) to show one part of the map at a time (`presentParts.ts`), which
 * followers see as they see any move of the leader's view. Once she moves the view by hand the
 * status stops naming a part, and the steps go on from the last part shown. One view leads at a
 * time: when a second facilitator starts, the first one's lead ends and they are told who took
 * over (the rule every device applies alike is in `followLeader.ts`).
 *
 * Leaders are recognised by the `role` in their awareness `user` field, which a client states
 * itself: good enough for moving cameras, never used for access.
 *
 *   <Tldraw …><FollowMe doc={doc} awareness={awareness} selfId={user.id} isFacilitator={…} /></Tldraw>
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { readZones, type LabelOverrides } from '@safetymap/map-model'
import { useEditor, useValue, type BoxModel, type Editor } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { useDocValue } from '../ui/useDocValue.ts'
import { FOLLOW_FIELD, beats, nextStart, readLeads, winningLead } from './followLeader.ts'
import { presentPartName, presentParts, type PresentPart } from './presentParts.ts'
import { fitsWhole, frameContent } from './showMapTop.ts'
import { PRESENT_CLASS } from './presentMode.ts'

/** How long after present mode is switched the map is framed again as the canvas settles. */
const PRESENT_SETTLE_MS = 1_000

/**
 * A part of the map is shown at least this large (column headings 18 px on screen): a column too
 * tall for that shows from its top, across its width, rather than too small to read from the room,
 * and its sections follow it one by one.
 */
const PART_READABLE_ZOOM = 0.45

/**
 * A section is shown at least this large (its 24 px heading 18 px on screen); one too tall for that
 * shows from its top at this size, which on a projector still shows its notes' last row.
 */
const SECTION_READABLE_ZOOM = 0.75

/** Frames `part` clear of the panels: the whole map as when the canvas opens, a part as large as it reads. Returns the camera set. */
function framePart(editor: Editor, part: PresentPart): { x: number; y: number; z: number } | null {
  if (part.kind === 'whole') return frameContent(editor)
  if (part.kind === 'section') return frameContent(editor, part.bounds, { readableZoom: SECTION_READABLE_ZOOM, topZoom: SECTION_READABLE_ZOOM })
  return frameContent(editor, part.bounds, { readableZoom: PART_READABLE_ZOOM })
}

/** True when a key pressed on `target` is typing (a field, a note being written), not a command. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'))
}

export interface FollowMeProps {
  readonly doc: Y.Doc
  readonly awareness: Awareness
  readonly selfId: string
  readonly isFacilitator: boolean
  /** The agency's own headings (MM-28), naming the parts as the board heads them. */
  readonly labels?: LabelOverrides
}

export function FollowMe({ doc, awareness, selfId, isFacilitator, labels }: FollowMeProps) {
  const editor = useEditor()
  const { t, locale } = useI18n()
  /** When this device started leading (`nextStart`), or null while it does not lead. */
  const [leadingSince, setLeadingSince] = useState<number | null>(null)
  const leading = leadingSince !== null
  const [following, setFollowing] = useState(true)
  const [others, setOthers] = useState(() => readLeads(awareness.getStates(), awareness.clientID))
  /** The name of who took follow-me over from this facilitator, until they lead again or nobody leads. */
  const [tookOverBy, setTookOverBy] = useState<string | null>(null)
  const [present, setPresent] = useState(false)
  const zones = useDocValue(doc, readZones)
  // Whether a column reads whole depends on the canvas's room (and the panels in present mode).
  const canvasSize = useValue('canvas size', () => editor.getViewportScreenBounds().toJson(), [editor])
  const parts = useMemo(
    () => presentParts(zones, (bounds) => fitsWhole(editor, bounds, PART_READABLE_ZOOM)),
    [editor, zones, present, canvasSize.w, canvasSize.h],
  )
  /** Which of `parts` present mode shows; the whole map when not presenting. */
  const [partIndex, setPartIndex] = useState(0)
  const shownIndex = present ? Math.min(partIndex, parts.length - 1) : 0
  const shownPart = parts[shownIndex]!
  /** For reframing as the canvas settles, without restarting that. */
  const shownPartRef = useRef(shownPart)
  shownPartRef.current = shownPart
  const viewport = useValue('viewport bounds', () => editor.getViewportPageBounds(), [editor])
  const winner = winningLead(others)
  // This person's own lead from another of their devices moves nobody here.
  const leader = winner && winner.userId !== selfId ? winner : null
  /** The camera present mode last set for the shown part: any other one (not from a leader she follows), she moved the view herself. */
  const [framedCamera, setFramedCamera] = useState<{ x: number; y: number; z: number } | null>(null)
  // Read only while presenting: otherwise every frame of a pan would render this again.
  const camera = useValue('camera', () => (present ? editor.getCamera() : null), [editor, present])
  const movedByHand =
    camera !== null && framedCamera !== null && !(leader && following) && (camera.x !== framedCamera.x || camera.y !== framedCamera.y || camera.z !== framedCamera.z)

  // Leader: publish the visible area while leading.
  useEffect(() => {
    if (leadingSince === null) {
      awareness.setLocalStateField(FOLLOW_FIELD, null)
      return
    }
    const timer = setTimeout(() => {
      awareness.setLocalStateField(FOLLOW_FIELD, { bounds: { x: viewport.x, y: viewport.y, w: viewport.w, h: viewport.h }, since: leadingSince })
    }, 80)
    return () => clearTimeout(timer)
  }, [awareness, leadingSince, viewport.x, viewport.y, viewport.w, viewport.h])
  useEffect(() => () => awareness.setLocalStateField(FOLLOW_FIELD, null), [awareness])

  // Everyone: watch who leads.
  useEffect(() => {
    const update = () => setOthers(readLeads(awareness.getStates(), awareness.clientID))
    awareness.on('change', update)
    return () => awareness.off('change', update)
  }, [awareness])

  // Another facilitator started after this one (or at the same moment and wins the tie): only
  // one view can lead every screen, so this lead ends and the facilitator is told who has it.
  useEffect(() => {
    if (leadingSince === null || !winner || !beats(winner, { since: leadingSince, clientId: awareness.clientID })) return
    setLeadingSince(null)
    setTookOverBy(winner.name)
  }, [awareness, leadingSince, winner?.clientId, winner?.since, winner?.name])

  // A new leader starts being followed again.
  useEffect(() => {
    if (leader !== null) return
    setFollowing(true)
    setTookOverBy(null)
  }, [leader === null])

  useEffect(() => {
    if (!leader || !following || leading) return
    const { x, y, w, h } = leader.bounds
    editor.zoomToBounds({ x, y, w, h }, { animation: { duration: 120 } })
  }, [editor, leader, following, leading])

  const framedFor = useRef(present)
  // What this screen shows while following someone: their view, also after the canvas changes size.
  const followedArea = useRef<BoxModel | null>(null)
  followedArea.current = leader && following && !leading ? leader.bounds : null
  const movedByHandRef = useRef(movedByHand)
  movedByHandRef.current = movedByHand
  useEffect(() => {
    document.body.classList.toggle(PRESENT_CLASS, present)
    if (framedFor.current === present) return
    framedFor.current = present
    // The canvas just got (or gave back) the people column's width: frame the whole map in that room,
    // once the page has laid out again, rather than leave it small and to one side. The canvas and
    // tldraw's panels may settle a frame or two later, so frame again as they do, for a moment.
    const refit = () => {
      const followed = followedArea.current
      if (followed) editor.zoomToBounds(followed, { immediate: true })
      // Once she has moved the map (a wheel straight after Next), a resize (the status growing) leaves it where she put it.
      else if (!movedByHandRef.current) setFramedCamera(framePart(editor, shownPartRef.current))
    }
    const frame = requestAnimationFrame(refit)
    const resized = new ResizeObserver(refit)
    resized.observe(editor.getContainer())
    const settled = setTimeout(() => resized.disconnect(), PRESENT_SETTLE_MS)
    return () => {
      cancelAnimationFrame(frame)
      resized.disconnect()
      clearTimeout(settled)
    }
  }, [editor, present])
  useEffect(() => () => document.body.classList.remove(PRESENT_CLASS), [])

  const stepPart = (by: -1 | 1) => {
    const index = shownIndex + by
    const part = parts[index]
    if (!part) return
    setPartIndex(index)
    // Her own steps are what the room should see, not someone else's view.
    if (leader) setFollowing(false)
    setFramedCamera(framePart(editor, part))
  }
  const stepRef = useRef(stepPart)
  stepRef.current = stepPart
  // A presentation clicker sends PageUp / PageDown. Not the arrow keys: tldraw moves a selected
  // note with them, and a field or a note being written moves its caret.
  useEffect(() => {
    if (!present) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target) || editor.getEditingShapeId() !== null) return
      const by = event.key === 'PageDown' ? 1 : event.key === 'PageUp' ? -1 : 0
      if (by === 0) return
      event.preventDefault()
      stepRef.current(by)
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [editor, present])

  return (
    <div className="sm-follow" onPointerDown={(e) => e.stopPropagation()}>
      {isFacilitator ? (
        <button
          type="button"
          aria-pressed={leading}
          onClick={() => {
            setLeadingSince(leading ? null : nextStart(others, Date.now()))
            setTookOverBy(null)
          }}
        >
          {t('toolkit.follow.lead')}
        </button>
      ) : null}
      {tookOverBy !== null ? (
        <span role="status" data-testid="follow-taken-over">
          {t('toolkit.follow.tookOver', { name: tookOverBy })}
        </span>
      ) : null}
      {leader && !leading ? (
        following ? (
          <span role="status" data-testid="follow-status">
            {t('toolkit.follow.following', { name: leader.name })}{' '}
            <button type="button" onClick={() => setFollowing(false)}>
              {t('toolkit.follow.stop')}
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setFollowing(true)}>
            {t('toolkit.follow.again', { name: leader.name })}
          </button>
        )
      ) : null}
      {/* Present mode is for the facilitator running the projector: on a family member's own laptop it would only be a puzzle. */}
      {isFacilitator ? (
        <button
          type="button"
          aria-pressed={present}
          onClick={() => {
            setPresent((on) => !on)
            setPartIndex(0)
            setFramedCamera(null)
          }}
        >
          {t('toolkit.present')}
        </button>
      ) : null}
      {present ? (
        <>
          {/* aria-disabled, not disabled: at the first or last part the keyboard stays on the button. */}
          <button type="button" aria-disabled={shownIndex === 0 || undefined} onClick={() => stepPart(-1)}>
            {t('toolkit.present.previous')}
          </button>
          <span role="status" data-testid="present-part">
            {movedByHand
              ? t('toolkit.present.moved', { name: presentPartName(shownPart, locale, t, labels) })
              : t('toolkit.present.part', { n: shownIndex + 1, count: parts.length, name: presentPartName(shownPart, locale, t, labels) })}
          </span>
          <button type="button" aria-disabled={shownIndex === parts.length - 1 || undefined} onClick={() => stepPart(1)}>
            {t('toolkit.present.next')}
          </button>
        </>
      ) : null}
    </div>
  )
}
