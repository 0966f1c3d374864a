/**
 * The "Who's here" panel (`data-testid="whos-here"` on its list): everyone connected right now,
 * one list item per person with their colour and role, "(you)" after yourself. The facilitator
 * also gets the invite control. The page's toggle button shows and hides it (`hidden` keeps it
 * in the document for assistive tech and tests).
 *
 *   <WhosHere id="whos-here" peers={peers} open={open} meetingId={meeting.id} canInvite={role === 'facilitator'} />
 */
import type { Peer } from '@safetymap/tldraw-yjs'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { InvitePanel } from './InvitePanel.tsx'

const ROLE_LABEL: Readonly<Record<string, MessageKey>> = {
  facilitator: 'whosHere.role.facilitator',
  editor: 'whosHere.role.editor',
  viewer: 'whosHere.role.viewer',
}

/** Props of {@link WhosHere}. */
export interface WhosHereProps {
  /** Element id, for the toggle button's `aria-controls`. */
  readonly id: string
  readonly peers: readonly Peer[]
  readonly open: boolean
  readonly meetingId: string
  readonly canInvite: boolean
}

/** The people panel. */
export function WhosHere({ id, peers, open, meetingId, canInvite }: WhosHereProps) {
  const { t } = useI18n()
  const headingId = `${id}-heading`
  return (
    <aside id={id} className="whos-here" aria-labelledby={headingId} hidden={!open}>
      <h2 id={headingId}>{t('whosHere.heading')}</h2>
      <ul className="people" data-testid="whos-here" aria-labelledby={headingId}>
        {peers.map(({ clientId, user, isSelf }) => {
          const roleKey = ROLE_LABEL[user.role]
          return (
            <li key={clientId} className="person">
              <span className="person-dot" style={{ backgroundColor: user.color }} aria-hidden="true" />
              <span>
                {user.name}
                {isSelf ? ` ${t('whosHere.you')}` : ''}
                {roleKey ? <span className="person-role"> · {t(roleKey)}</span> : null}
              </span>
            </li>
          )
        })}
      </ul>
      {canInvite ? <InvitePanel meetingId={meetingId} /> : null}
    </aside>
  )
}
