/**
 * Follow-me and present mode (facilitator tools). The facilitator's "Everyone follows me"
 * publishes their visible page area through Yjs awareness (presence, never the doc); everyone
 * else's camera fits that area while following is on, with a "Stop following" button (and
 * "Follow again"). Present mode is per device: large type for a projector.
 *
 * Leaders are recognised by the `role` in their awareness `user` field, which a client states
 * itself: good enough for moving cameras, never used for access.
 *
 *   <Tldraw …><FollowMe awareness={awareness} selfId={user.id} isFacilitator={…} /></Tldraw>
 */
import { useEffect, useState } from 'react'
import { useEditor, useValue } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { useI18n } from '../i18n/I18nProvider.tsx'

/** Awareness field of the leader's view. */
export const FOLLOW_FIELD = 'smFollow'

interface FollowState {
  readonly id: string
  readonly name: string
  readonly bounds: { x: number; y: number; w: number; h: number }
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/** The facilitator being followed, from the awareness states (not this device's own). */
function readLeader(awareness: Awareness, selfId: string): FollowState | null {
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue
    const user = (state as Record<string, unknown>).user as Record<string, unknown> | undefined
    const follow = (state as Record<string, unknown>)[FOLLOW_FIELD] as Record<string, unknown> | null | undefined
    if (!user || user.role !== 'facilitator' || typeof user.id !== 'string' || user.id === selfId) continue
    const b = follow?.bounds as Record<string, unknown> | undefined
    if (!b || !finite(b.x) || !finite(b.y) || !finite(b.w) || !finite(b.h) || b.w <= 0 || b.h <= 0) continue
    return { id: user.id, name: typeof user.name === 'string' ? user.name : '', bounds: { x: b.x, y: b.y, w: b.w, h: b.h } }
  }
  return null
}

export interface FollowMeProps {
  readonly awareness: Awareness
  readonly selfId: string
  readonly isFacilitator: boolean
}

export function FollowMe({ awareness, selfId, isFacilitator }: FollowMeProps) {
  const editor = useEditor()
  const { t } = useI18n()
  const [leading, setLeading] = useState(false)
  const [following, setFollowing] = useState(true)
  const [leader, setLeader] = useState<FollowState | null>(() => readLeader(awareness, selfId))
  const [present, setPresent] = useState(false)
  const viewport = useValue('viewport bounds', () => editor.getViewportPageBounds(), [editor])

  // Leader: publish the visible area while leading.
  useEffect(() => {
    if (!leading) {
      awareness.setLocalStateField(FOLLOW_FIELD, null)
      return
    }
    const timer = setTimeout(() => {
      awareness.setLocalStateField(FOLLOW_FIELD, { bounds: { x: viewport.x, y: viewport.y, w: viewport.w, h: viewport.h } })
    }, 80)
    return () => clearTimeout(timer)
  }, [awareness, leading, viewport.x, viewport.y, viewport.w, viewport.h])
  useEffect(() => () => awareness.setLocalStateField(FOLLOW_FIELD, null), [awareness])

  // Everyone else: watch for a leader.
  useEffect(() => {
    const update = () => setLeader(readLeader(awareness, selfId))
    awareness.on('change', update)
    return () => awareness.off('change', update)
  }, [awareness, selfId])

  // A new leader starts being followed again.
  useEffect(() => {
    if (leader === null) setFollowing(true)
  }, [leader === null])

  useEffect(() => {
    if (!leader || !following || leading) return
    const { x, y, w, h } = leader.bounds
    editor.zoomToBounds({ x, y, w, h }, { animation: { duration: 120 } })
  }, [editor, leader, following, leading])

  useEffect(() => {
    document.body.classList.toggle('sm-present', present)
    return () => document.body.classList.remove('sm-present')
  }, [present])

  return (
    <div className="sm-follow" onPointerDown={(e) => e.stopPropagation()}>
      {isFacilitator ? (
        <button type="button" aria-pressed={leading} onClick={() => setLeading((on) => !on)}>
          {t('toolkit.follow.lead')}
        </button>
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
