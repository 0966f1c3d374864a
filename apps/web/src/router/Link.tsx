/**
 * An ordinary `<a>` that navigates inside the app without a page reload (modified clicks, such as
 * opening in a new tab, are left to the browser).
 *
 *   <Link to="/">{t('meeting.goHome')}</Link>
 */
import type { AnchorHTMLAttributes, MouseEvent } from 'react'
import { navigate } from './navigation.ts'

/** Props of `Link`: an anchor whose target is an in-app path. */
export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  readonly to: string
}

/** A link to another page of the app. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    if (event.defaultPrevented || event.button !== 0) return
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(to)
  }
  return <a href={to} onClick={handleClick} {...rest} />
}
