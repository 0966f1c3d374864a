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

/** The link from the board to the list view. Placement inline: app.css and canvas.css are not ours. */
export function ShowAsListLink({ meetingId }: { meetingId: string }) {
  const { t } = useI18n()
  return (
    <Link
      to={meetingListPath(meetingId)}
      className="button phone-show-list"
      onClick={() => rememberView('list')}
      style={{ position: 'fixed', left: '0.5rem', bottom: '4.5rem', zIndex: 450, boxShadow: '0 2px 8px rgb(0 0 0 / 0.2)' }}
    >
      {t('phone.showList')}
    </Link>
  )
}
