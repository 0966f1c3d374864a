/**
 * What the plain-language checker found (map-model MM-19), as a short polite list: each label,
 * jargon word, diagnosis or acronym with a plainer suggestion. Shown under a builder's field and
 * beside a selected note; it prompts only, the words stay as written.
 *
 *   <PlainLanguageFindings findings={checkPlainLanguage(text, locale)} className="sm-plain-hint" />
 */
import type { PlainLanguageFinding } from '@safetymap/map-model'
import { useI18n } from '../../i18n/I18nProvider.tsx'

/** Props of {@link PlainLanguageFindings}: the findings and the box's own attributes. */
export interface PlainLanguageFindingsProps {
  readonly findings: readonly PlainLanguageFinding[]
  readonly className: string
  readonly id?: string
  readonly testId?: string
}

/** The findings, or nothing when there are none. */
export function PlainLanguageFindings({ findings, className, id, testId }: PlainLanguageFindingsProps) {
  const { t } = useI18n()
  if (findings.length === 0) return null
  return (
    <div className={className} id={id} role="status" data-testid={testId}>
      <div>{t('toolkit.plain.heading')}</div>
      <ul>
        {findings.map((f) => (
          <li key={`${f.start}-${f.end}`}>{t('toolkit.plain.finding', { term: f.term, suggestion: f.suggestion })}</li>
        ))}
      </ul>
    </div>
  )
}
