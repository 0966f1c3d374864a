/**
 * "Show as list", shown over the board (bottom left, above tldraw's own controls), so anyone can
 * move to the phone view — on a small screen, an old tablet, or when the canvas will not load.
 * Choosing it is remembered on this device, like "Show the board" in the list. It hides itself
 * when the canvas is replaced by the removed / ended / full page (`showAsList.css`).
 *
 *   <ShowAsListLink meetingId="abc" />
 */
import { useI18n } from '../i18n/I18nProvider.tsx'
import { Link } from '../router/Link.tsx'
import './showAsList.css'
import { meetingListPath, rememberView } from './viewPreference.ts'

/** The link from the board to the list view, in a landmark of its own; its place is in `showAsList.css`. */
export function ShowAsListLink({ meetingId }: { meetingId: string }) {
  const { t } = useI18n()
  return (
    <nav className="phone-show-list" aria-label={t('phone.otherViews')}>
      <Link to={meetingListPath(meetingId)} className="button" onClick={() => rememberView('list')}>
        {t('phone.showList')}
      </Link>
    </nav>
  )
}
