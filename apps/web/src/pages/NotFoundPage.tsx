/**
 * Any address the app does not know: says so and offers the way home.
 *
 *   <NotFoundPage />
 */
import { useI18n } from '../i18n/I18nProvider.tsx'
import { Link } from '../router/Link.tsx'
import { PageLayout } from '../ui/PageLayout.tsx'

/** The "page not found" page. */
export function NotFoundPage() {
  const { t } = useI18n()
  return (
    <PageLayout title={t('notFound.heading')}>
      <p>{t('notFound.body')}</p>
      <Link to="/" className="button">
        {t('meeting.goHome')}
      </Link>
    </PageLayout>
  )
}
