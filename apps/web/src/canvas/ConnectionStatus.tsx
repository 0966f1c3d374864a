/**
 * The always-visible connection indicator of the meeting page (`data-testid="connection-status"`,
 * `data-state` = connecting | live | offline). It says when changes are waiting on this device,
 * and announces changes politely to screen readers.
 *
 *   <ConnectionStatus snapshot={tracker.getSnapshot()} />
 */
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import type { ConnectionSnapshot } from './connectionState.ts'
import './connectionStatus.css'

function messageFor(snapshot: ConnectionSnapshot, endedExplained: boolean, finished: boolean, savedOnDevice: boolean): MessageKey {
  switch (snapshot.state) {
    case 'live':
      // Nothing changes on a finished map any more: "Live" would say the opposite.
      return finished ? 'connection.finished' : 'connection.live'
    case 'connecting':
      return 'connection.connecting'
    case 'offline':
      if (snapshot.ended) return endedExplained ? 'connection.stopped' : 'connection.ended'
      if (!snapshot.hasUnsentChanges) return 'connection.offline'
      // Only the phone list keeps unsent changes on the device (IndexedDB); the board holds them in the page.
      return savedOnDevice ? 'connection.offlineUnsent' : 'connection.offlineUnsentKeepOpen'
  }
}

/**
 * Shows where this device stands with the meeting. With `endedExplained`, a notice beside it says
 * why the meeting stopped (ended, removed, full), so this only says "not connected" rather than
 * advising a reload that would not help. With `finished`, a connected map says "Finished".
 * `savedOnDevice` says unsent changes survive closing the page (the phone list's local copy);
 * without it the person is asked to keep the page open.
 */
export function ConnectionStatus({
  snapshot,
  endedExplained = false,
  finished = false,
  savedOnDevice = false,
}: {
  snapshot: ConnectionSnapshot
  endedExplained?: boolean
  finished?: boolean
  savedOnDevice?: boolean
}) {
  const { t } = useI18n()
  return (
    <p className="connection-status" data-testid="connection-status" data-state={snapshot.state} data-finished={finished || undefined} role="status">
      {t(messageFor(snapshot, endedExplained, finished, savedOnDevice))}
    </p>
  )
}
