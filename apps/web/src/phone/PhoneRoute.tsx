/**
 * The phone view's doorway in the main bundle: `/m/:id/list` loads the list view lazily (its chunk
 * holds Yjs, y-websocket, y-indexeddb and map-model, never tldraw), and `/m/:id` on a narrow
 * screen forwards there unless the person chose the board on this device.
 *
 *   <PhonePage meetingId="abc" />
 *   <OpenListView meetingId="abc" />
 *   preloadListView() // on the invite page
 */
import { lazy, Suspense, useEffect, useLayoutEffect } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { matchRoute } from '../router/matchRoute.ts'
import { navigate } from '../router/navigation.ts'
import { startEarly } from './earlyStart.ts'
import { dropPrerenderedList } from './prerenderedList.ts'
import { meetingListPath, shouldOpenListView } from './viewPreference.ts'

const loadPhoneMeetingPage = () => import('./PhoneMeetingPage.tsx')
const PhoneMeetingPage = lazy(() => loadPhoneMeetingPage().then((m) => ({ default: m.PhoneMeetingPage })))

/**
 * Starts downloading the list view's code while a person on a phone is still on the invite page
 * (typing their name takes longer than the download), so "Join" opens the list without waiting
 * on it. Does nothing on screens that will open the board. A failed download is retried by the
 * route itself.
 */
export function preloadListView(): void {
  if (shouldOpenListView()) void loadPhoneMeetingPage().catch(() => undefined)
}

function Opening() {
  const { t } = useI18n()
  return (
    <p className="canvas-loading" aria-live="polite">
      {t('meeting.opening')}
    </p>
  )
}

/** `/m/:id/list`. */
export function PhonePage({ meetingId }: { meetingId: string }) {
  startEarly(meetingId)
  // Leaving the list before it showed the map: the server's copy of it goes too.
  useLayoutEffect(
    () => () => {
      if (matchRoute(window.location.pathname).name !== 'meetingList') dropPrerenderedList()
    },
    [],
  )
  return (
    <Suspense fallback={<Opening />}>
      <PhoneMeetingPage meetingId={meetingId} />
    </Suspense>
  )
}

/** Replaces `/m/:id` with its list view in the history (the back button does not bounce). */
export function OpenListView({ meetingId }: { meetingId: string }) {
  useEffect(() => {
    navigate(meetingListPath(meetingId), { replace: true })
  }, [meetingId])
  return <Opening />
}
