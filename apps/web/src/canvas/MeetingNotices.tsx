/**
 * Plain-language notices under the meeting bar: "this map is finished" once the facilitator
 * finalized it, "this meeting has ended" on a facilitator's board after the end (also where the
 * "Who's here" panel, which says more, is folded away), "you can only look" for viewers, "reload" when
 * this build cannot write the doc, and a short-lived note when a picture or file was refused.
 *
 *   <MeetingNotices role={user.role} schemaStatus={schemaStatus} filesBlockedAt={lastBlockedMs} finalized={false} />
 */
import { SCHEMA_STATUS, type SchemaStatus } from '@safetymap/tldraw-yjs'
import { useEffect, useState } from 'react'
import type { MeetingRole } from '../api/api.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'

/** How long the "pictures cannot be added" note stays. */
const FILES_BLOCKED_NOTICE_MS = 6000

function schemaNotice(status: SchemaStatus): MessageKey | null {
  switch (status) {
    case SCHEMA_STATUS.clientTooOld:
      return 'meeting.outOfDate'
    case SCHEMA_STATUS.migrationFailed:
    case SCHEMA_STATUS.invalid:
      return 'meeting.cannotEdit'
    default:
      return null
  }
}

const TEST_IDS: Partial<Record<MessageKey, string>> = {
  'meeting.finalizedNotice': 'finalized-notice',
  'ended.barNotice': 'ended-notice',
  'ended.barNoticeFinished': 'ended-notice',
}

/** Props of {@link MeetingNotices}. */
export interface MeetingNoticesProps {
  readonly role: MeetingRole
  readonly schemaStatus: SchemaStatus
  /** When a picture or file was last refused (ms since epoch), 0 for never. */
  readonly filesBlockedAt: number
  /** The map is finished: read-only for everyone (`data-testid="finalized-notice"`). */
  readonly finalized?: boolean
  /** The meeting was ended for everyone (`data-testid="ended-notice"`). */
  readonly ended?: boolean
}

/** The notices that apply right now, if any. */
export function MeetingNotices({ role, schemaStatus, filesBlockedAt, finalized = false, ended = false }: MeetingNoticesProps) {
  const { t } = useI18n()
  const [showFilesBlocked, setShowFilesBlocked] = useState(false)

  useEffect(() => {
    if (filesBlockedAt === 0) return
    setShowFilesBlocked(true)
    const timer = setTimeout(() => setShowFilesBlocked(false), FILES_BLOCKED_NOTICE_MS)
    return () => clearTimeout(timer)
  }, [filesBlockedAt])

  const notices: MessageKey[] = []
  const schemaKey = schemaNotice(schemaStatus)
  if (schemaKey) notices.push(schemaKey)
  else if (finalized) notices.push('meeting.finalizedNotice')
  else if (role === 'viewer') notices.push('meeting.viewerNotice')
  // A finished map is only looked at and exported until it is reopened: the notice must not say it can be worked on.
  if (ended) notices.push(finalized ? 'ended.barNoticeFinished' : 'ended.barNotice')
  if (showFilesBlocked) notices.push('canvas.filesBlocked')

  return (
    <div role="status">
      {notices.map((key) => (
        <p key={key} className="meeting-notice" data-testid={TEST_IDS[key]}>
          {t(key)}
        </p>
      ))}
    </div>
  )
}
