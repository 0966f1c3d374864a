/**
 * "Show as list" on the board, so anyone can move to the phone view — on a small screen, an old
 * tablet, or to read the map without zooming: the last of the meeting tools on a wide screen, over
 * the bottom left of the board on a narrow one (`showAsList.css`). Choosing it is remembered on
 * this device, like "Show the board" in the list. It goes with the canvas when the removed / ended
 * / full page replaces it.
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
