/**
 * The keyboard side of a menu that a button opens (the WAI-ARIA menu button): on opening, the
 * focus goes to the first item; the Up and Down arrows, Home and End move between the items;
 * Escape closes the menu and gives the focus back to its button; Tab closes it and moves on from
 * its button; a press anywhere else closes it. The keys the menu handles stop there, so Escape
 * closes only the menu and not, say, the panel of tools it sits in.
 *
 *   const menu = useMenuKeyboard(open, () => setOpen(false))
 *   <button ref={menu.buttonRef} aria-haspopup="menu" aria-expanded={open} …>Add</button>
 *   {open && <div ref={menu.menuRef} role="menu" onKeyDown={menu.onKeyDown}>…role="menuitem" buttons…</div>}
 */
import { useCallback, useEffect, useRef, type KeyboardEvent, type RefObject } from 'react'

/** What a menu and its button wire up. */
export interface MenuKeyboard {
  readonly buttonRef: RefObject<HTMLButtonElement | null>
  readonly menuRef: RefObject<HTMLDivElement | null>
  readonly onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void
}

const items = (menu: HTMLElement | null): HTMLElement[] => [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? [])]

/** Focus into the menu on open, arrows between items, Escape or Tab or a press elsewhere to close. */
export function useMenuKeyboard(open: boolean, onClose: () => void): MenuKeyboard {
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    items(menuRef.current)[0]?.focus()
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target
      if (!(target instanceof Node)) return
      if (menuRef.current?.contains(target) || buttonRef.current?.contains(target)) return
      onClose()
    }
    document.addEventListener('pointerdown', onPointerDown, true)
    return () => document.removeEventListener('pointerdown', onPointerDown, true)
  }, [open, onClose])

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const list = items(menuRef.current)
      const at = list.indexOf(document.activeElement as HTMLElement)
      const move = (index: number) => list[(index + list.length) % list.length]?.focus()
      switch (event.key) {
        case 'ArrowDown':
          move(at + 1)
          break
        case 'ArrowUp':
          move(at < 0 ? -1 : at - 1)
          break
        case 'Home':
          move(0)
          break
        case 'End':
          move(-1)
          break
        case 'Escape':
          onClose()
          buttonRef.current?.focus()
          break
        case 'Tab':
          // From the button, so Tab moves on from there once the menu is gone.
          onClose()
          buttonRef.current?.focus()
          return
        default:
          return
      }
      event.preventDefault()
      event.stopPropagation()
    },
    [onClose],
  )

  return { buttonRef, menuRef, onKeyDown }
}
