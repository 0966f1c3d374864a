/**
 * The phone view's doorway in the main bundle: `/m/:id/list` reached inside the app (a page load of
 * it gets list.html, the list's own page, src/phone/listMain.tsx) loads the list view lazily (its
 * chunk holds Yjs, y-websocket, y-indexeddb and map-model, never tldraw), and `/m/:id` on a narrow
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

const PhoneMeetingPage = lazy(() => import('./PhoneMeetingPage.tsx').then((m) => ({ default: m.PhoneMeetingPage })))

/** The scripts list.html names: its own build (vite.list.config.ts) hashes their names. */
const listPageScripts = (html: string) => new Set([...html.matchAll(/"(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]!))

/**
 * Starts downloading the list page's code while a person on a phone is still on the invite page
 * (typing their name takes longer than the download), so "Join", which loads list.html as a new
 * page, finds it cached. Does nothing on screens that will open the board. A failure only loses
 * the head start.
 */
export function preloadListView(): void {
  if (!shouldOpenListView()) return
  void fetch('/list.html')
    .then((response) => (response.ok ? response.text() : ''))
    .then((html) => {
      for (const script of listPageScripts(html)) {
        const link = document.createElement('link')
        link.rel = 'prefetch'
        // Fetched as list.html's module scripts fetch them, so that page reuses the copy.
        link.crossOrigin = 'anonymous'
        link.href = script
        document.head.append(link)
      }
    })
    .catch(() => undefined)
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
