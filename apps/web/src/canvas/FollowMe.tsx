/**
 * Follow-me and present mode (facilitator tools). The facilitator's "Everyone follows me"
 * publishes their visible page area through Yjs awareness (presence, never the doc); everyone
 * else's camera fits that area while following is on, with a "Stop following" button (and
 * "Follow again"). Present mode is per device: large type for a projector, the map framed again in
 * the room it gets (and again when leaving it). One view leads at a
 * time: when a second facilitator starts, the first one's lead ends and they are told who took
 * over (the rule every device applies alike is in `followLeader.ts`).
 *
 * Leaders are recognised by the `role` in their awareness `user` field, which a client states
 * itself: good enough for moving cameras, never used for access.
 *
 *   <Tldraw …><FollowMe awareness={awareness} selfId={user.id} isFacilitator={…} /></Tldraw>
 */
import { useEffect, useRef, useState } from 'react'
import { useEditor, useValue, type BoxModel } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { FOLLOW_FIELD, beats, nextStart, readLeads, winningLead } from './followLeader.ts'
import { frameContent } from './showMapTop.ts'

/** How long after present mode is switched the map is framed again as the canvas settles. */
const PRESENT_SETTLE_MS = 1_000

export interface FollowMeProps {
  readonly awareness: Awareness
  readonly selfId: string
  readonly isFacilitator: boolean
}

export function FollowMe({ awareness, selfId, isFacilitator }: FollowMeProps) {
  const editor = useEditor()
  const { t } = useI18n()
  /** When this device started leading (`nextStart`), or null while it does not lead. */
  const [leadingSince, setLeadingSince] = useState<number | null>(null)
  const leading = leadingSince !== null
  const [following, setFollowing] = useState(true)
  const [others, setOthers] = useState(() => readLeads(awareness.getStates(), awareness.clientID))
  /** The name of who took follow-me over from this facilitator, until they lead again or nobody leads. */
  const [tookOverBy, setTookOverBy] = useState<string | null>(null)
  const [present, setPresent] = useState(false)
  const viewport = useValue('viewport bounds', () => editor.getViewportPageBounds(), [editor])
  const winner = winningLead(others)
  // This person's own lead from another of their devices moves nobody here.
  const leader = winner && winner.userId !== selfId ? winner : null

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
  useEffect(() => {
    document.body.classList.toggle('sm-present', present)
    if (framedFor.current === present) return
    framedFor.current = present
    // The canvas just got (or gave back) the people column's width: frame the whole map in that room,
    // once the page has laid out again, rather than leave it small and to one side. The canvas and
    // tldraw's panels may settle a frame or two later, so frame again as they do, for a moment.
    const refit = () => {
      const followed = followedArea.current
      if (followed) editor.zoomToBounds(followed, { immediate: true })
      else frameContent(editor)
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
  useEffect(() => () => document.body.classList.remove('sm-present'), [])

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
      <button type="button" aria-pressed={present} onClick={() => setPresent((on) => !on)}>
        {t('toolkit.present')}
      </button>
    </div>
  )
}
