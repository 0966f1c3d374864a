/**
 * tldraw's notion of the current user (its `user` prop): our participant's id, name and colour,
 * and the app's UI language. Choosing English or Spanish in tldraw's own language menu switches
 * the whole app; other tldraw preferences (dark mode, snapping…) are kept for this visit only, so
 * nothing about the person is written to the device's storage.
 *
 *   const tldrawUser = useTldrawUser({ id: user.id, name: user.name, color })
 *   <Tldraw user={tldrawUser} locale={locale} … />
 */
import { isLocale } from '@safetymap/map-model'
import { useCallback, useMemo, useState } from 'react'
import { useTldrawCurrentUser, type TLCurrentUser, type TLUserPreferences } from 'tldraw'
import { useI18n } from '../i18n/I18nProvider.tsx'

/** The `user` to hand to `<Tldraw>`. */
export function useTldrawUser({ id, name, color }: { id: string; name: string; color: string }): TLCurrentUser {
  const { locale, setLocale } = useI18n()
  const [chosen, setChosen] = useState<TLUserPreferences>({ id })

  const userPreferences = useMemo<TLUserPreferences>(
    () => ({ ...chosen, id, name, color, locale }),
    [chosen, id, name, color, locale],
  )

  const setUserPreferences = useCallback(
    (next: TLUserPreferences) => {
      if (isLocale(next.locale)) setLocale(next.locale)
      setChosen(next)
    },
    [setLocale],
  )

  return useTldrawCurrentUser({ userPreferences, setUserPreferences })
}
