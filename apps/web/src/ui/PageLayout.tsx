/**
 * The frame of every non-canvas page: a header with the product name and the language switch,
 * then one centred, phone-width column of content.
 *
 * A page that replaces what was on screen by itself (declined, removed, ended) sets `focusTitle`:
 * its heading takes the focus when it appears or when `focusTitle` turns on, so a screen reader
 * reads it out instead of the keyboard falling to the top of the page.
 *
 *   <PageLayout title={t('join.heading')}>…</PageLayout>
 *   <PageLayout title={t('meeting.endedHeading')} focusTitle>…</PageLayout>
 */
import { useEffect, type ReactNode } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { Link } from '../router/Link.tsx'
import { focusOnMount } from './focusOnMount.ts'
import { LanguageSwitch } from './LanguageSwitch.tsx'

/** A page with a heading; `title` also becomes the browser tab's title. */
export function PageLayout({ title, focusTitle = false, children }: { title: string; focusTitle?: boolean; children: ReactNode }) {
  const { t } = useI18n()
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`
  }, [title, t])
  return (
    <div className="page">
      <header className="page-header">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <LanguageSwitch />
      </header>
      <main className="page-main">
        <h1 tabIndex={focusTitle ? -1 : undefined} ref={focusTitle ? focusOnMount : undefined}>
          {title}
        </h1>
        {children}
      </main>
    </div>
  )
}
