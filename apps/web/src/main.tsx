/**
 * Browser entry point: mounts the app inside the language provider.
 * Loaded by index.html; everything else is imported from here (the canvas lazily).
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { I18nProvider } from './i18n/I18nProvider.tsx'
import { registerServiceWorker } from './serviceWorkerRegistration.ts'
import './ui/app.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html must contain <div id="root">.')

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
)
registerServiceWorker()
