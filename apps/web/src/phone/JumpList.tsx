/**
 * "Go to a part of the map" near the top of the phone list: a disclosure, closed so it costs one
 * line (at large text on a small phone a row of links would fill the screen), that opens a link to
 * each part (jumpTargets.ts). A link takes the person there, focus and all, and closes the list
 * so it is short again when she comes back up.
 *
 *   <JumpList targets={jumpTargets(map, locale, meeting.labels, t)} />
 */
import { useI18n } from '../i18n/I18nProvider.tsx'
import { goToPart } from './focusHeading.ts'
import type { JumpTarget } from './jumpTargets.ts'

/** Links to the parts of the list. */
export function JumpList({ targets }: { targets: readonly JumpTarget[] }) {
  const { t } = useI18n()
  return (
    <nav className="phone-jump" aria-label={t('phone.jump.label')} data-testid="phone-jump">
      <details>
        <summary>{t('phone.jump.open')}</summary>
        <ul>
          {targets.map(({ anchorId, label }) => (
            <li key={anchorId}>
              <a
                href={`#${anchorId}`}
                onClick={(event) => {
                  // The heading takes the focus, which following the address alone would not give it.
                  event.preventDefault()
                  event.currentTarget.closest('details')?.removeAttribute('open')
                  goToPart(anchorId)
                }}
              >
                {label}
              </a>
            </li>
          ))}
        </ul>
      </details>
    </nav>
  )
}
