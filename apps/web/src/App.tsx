/**
 * Picks the page for the current address. Each route keys its page, so moving between meetings
 * starts a fresh page (and a fresh Yjs doc) rather than reusing the old one.
 *
 *   <I18nProvider><App /></I18nProvider>
 */
import { loadBoardWords } from './i18n/messages.ts'
import { NotFoundPage } from './pages/NotFoundPage.tsx'
import { matchRoute, type Route } from './router/matchRoute.ts'
import { useRoute } from './router/navigation.ts'
import { lazy, Suspense, useEffect } from 'react'
import { OpenListView, PhonePage, preloadListView } from './phone/PhoneRoute.tsx'
import { shouldOpenListView } from './phone/viewPreference.ts'

/** A page that shows the board's or the staff's words renders once they are here too. */
const withBoardWords = <T,>(page: Promise<T>): Promise<T> => Promise.all([page, loadBoardWords()]).then(([m]) => m)

// Every page but the list view's doorway loads on its own: a family member's phone on the list
// (`/m/:id/list`) downloads none of them (the phone view's JS budget, issue 7).
const pageLoaders = {
  home: () => withBoardWords(import('./pages/HomePage.tsx')),
  setup: () => withBoardWords(import('./pages/SetupPage.tsx')),
  join: () => import('./pages/JoinPage.tsx'),
  lobby: () => import('./pages/LobbyPage.tsx'),
  meetingJournal: () => import('./pages/JournalPage.tsx'),
  meeting: () => withBoardWords(import('./pages/MeetingPage.tsx')),
} satisfies Partial<Record<Route['name'], () => Promise<unknown>>>
const HomePage = lazy(() => pageLoaders.home().then((m) => ({ default: m.HomePage })))
const SetupPage = lazy(() => pageLoaders.setup().then((m) => ({ default: m.SetupPage })))
const JoinPage = lazy(() => pageLoaders.join().then((m) => ({ default: m.JoinPage })))
const LobbyPage = lazy(() => pageLoaders.lobby().then((m) => ({ default: m.LobbyPage })))
const JournalPage = lazy(() => pageLoaders.meetingJournal().then((m) => ({ default: m.JournalPage })))
const MeetingPage = lazy(() => pageLoaders.meeting().then((m) => ({ default: m.MeetingPage })))

const preload = (page: keyof typeof pageLoaders) => void pageLoaders[page]().catch(() => undefined)

/**
 * Starts downloading the first page's code as the app starts, beside the catalogue, instead of
 * after it (the first render waits for the catalogue): a lazy page costs no extra round trip.
 */
function preloadFirstPage(route: Route): void {
  if (route.name === 'meeting' && shouldOpenListView()) return
  if (route.name in pageLoaders) preload(route.name as keyof typeof pageLoaders)
}
preloadFirstPage(matchRoute(window.location.pathname))

/** The whole app. */
export function App() {
  const route = useRoute()
  // The invite page leads to the lobby or the meeting, the lobby to the meeting: fetch their code
  // meanwhile (on a phone, the list view's).
  useEffect(() => {
    if (route.name === 'join') preload('lobby')
    if (route.name !== 'join' && route.name !== 'lobby') return
    if (shouldOpenListView()) preloadListView()
    else preload('meeting')
  }, [route.name])
  return (
    <Suspense fallback={null}>
      <Page route={route} />
    </Suspense>
  )
}

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <HomePage />
    case 'setup':
      return <SetupPage />
    case 'join':
      return <JoinPage />
    case 'meeting':
      if (shouldOpenListView()) return <OpenListView meetingId={route.meetingId} />
      return <MeetingPage key={route.meetingId} meetingId={route.meetingId} />
    case 'meetingList':
      return <PhonePage key={route.meetingId} meetingId={route.meetingId} />
    case 'lobby':
      return <LobbyPage key={route.meetingId} meetingId={route.meetingId} />
    case 'meetingJournal':
      return <JournalPage key={route.meetingId} meetingId={route.meetingId} />
    case 'notFound':
      return <NotFoundPage />
  }
}
