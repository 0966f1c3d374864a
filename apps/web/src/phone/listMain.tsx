/**
 * Entry of `list.html`, the page the server sends for `/m/:id/list` (the phone view): the list on
 * its own, built by vite.list.config.ts with Preact standing in for React, so a phone downloads
 * neither React nor any other page (the phone view's JS budget, issue 7). Every way out of the
 * list (the board, the home page) loads the main app as a new page.
 */
import { createRoot } from 'react-dom/client'
// Before the list's own styles, as in the main app, where they come later with the list's chunk.
import '../ui/app.css'
import { I18nProvider } from '../i18n/I18nProvider.tsx'
import { matchRoute } from '../router/matchRoute.ts'
import { navigateByPageLoads } from '../router/navigation.ts'
import { PhoneMeetingPage } from './PhoneMeetingPage.tsx'

const root = document.getElementById('root')
const route = matchRoute(window.location.pathname)
if (!root) throw new Error('list.html must contain <div id="root">.')
if (route.name !== 'meetingList') throw new Error('list.html is the page of /m/:id/list only; the server sends index.html for the rest.')

navigateByPageLoads()
createRoot(root).render(
  <I18nProvider>
    <PhoneMeetingPage meetingId={route.meetingId} />
  </I18nProvider>,
)
