/**
 * A message that tells the user what went wrong and what to do next. Announced by screen readers
 * as soon as it appears; renders nothing when there is no message.
 *
 *   <FormError messageKey={error} />
 */
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import type { MessageVars } from '../i18n/translate.ts'

/** Shows the catalogue message `messageKey` (with `vars` filled in), or nothing when it is null. */
export function FormError({ messageKey, id, vars }: { messageKey: MessageKey | null; id?: string; vars?: MessageVars }) {
  const { t } = useI18n()
  if (messageKey === null) return null
  return (
    <p className="form-error" role="alert" id={id}>
      {t(messageKey, vars)}
    </p>
  )
}
