/**
 * The frame of every non-canvas page: a header with the product name and the language switch,
 * then one centred, phone-width column of content.
 *
 *   <PageLayout title={t('join.heading')}>…</PageLayout>
 */
import { useEffect, type ReactNode } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { Link } from '../router/Link.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'

/** A page with a heading; `title` also becomes the browser tab's title. */
export function PageLayout({ title, children }: { title: string; children: ReactNode }) {
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
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  )
}
