/**
 * Picks the page for the current address. Each route keys its page, so moving between meetings
 * starts a fresh page (and a fresh Yjs doc) rather than reusing the old one.
 *
 *   <I18nProvider><App /></I18nProvider>
 */
import { JoinPage } from './pages/JoinPage.tsx'
import { LobbyPage } from './pages/LobbyPage.tsx'
import { MeetingPage } from './pages/MeetingPage.tsx'
import { NotFoundPage } from './pages/NotFoundPage.tsx'
import { useRoute } from './router/navigation.ts'
import { lazy, Suspense, useEffect } from 'react'
import { OpenListView, PhonePage, preloadListView } from './phone/PhoneRoute.tsx'
import { shouldOpenListView } from './phone/viewPreference.ts'

// Workers' pages (sign-in, meeting list, first setup) load on their own: a family member's phone,
// which never shows them, does not download them (the phone view's JS budget, issue 7).
const HomePage = lazy(() => import('./pages/HomePage.tsx').then((m) => ({ default: m.HomePage })))
const SetupPage = lazy(() => import('./pages/SetupPage.tsx').then((m) => ({ default: m.SetupPage })))

/** The whole app. */
export function App() {
  const route = useRoute()
  // Invite and lobby pages lead to the meeting: on a phone, fetch the list view's code meanwhile.
  useEffect(() => {
    if (route.name === 'join' || route.name === 'lobby') preloadListView()
  }, [route.name])
  switch (route.name) {
    case 'home':
      return (
        <Suspense fallback={null}>
          <HomePage />
        </Suspense>
      )
    case 'setup':
      return (
        <Suspense fallback={null}>
          <SetupPage />
        </Suspense>
      )
    case 'join':
      return <JoinPage />
    case 'meeting':
      if (shouldOpenListView()) return <OpenListView meetingId={route.meetingId} />
      return <MeetingPage key={route.meetingId} meetingId={route.meetingId} />
    case 'meetingList':
      return <PhonePage key={route.meetingId} meetingId={route.meetingId} />
    case 'lobby':
      return <LobbyPage key={route.meetingId} meetingId={route.meetingId} />
    case 'notFound':
      return <NotFoundPage />
  }
}
