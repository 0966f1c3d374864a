/**
 * How to get around the canvas with a keyboard, said where a keyboard user needs it. With a note
 * selected, tldraw's Tab moves to the next note instead of leaving the canvas, and Escape first
 * clears the selection: without being told, a keyboard user seems trapped (WCAG 2.1.2 asks that
 * the way out be said). The hint is the canvas's accessible description, and shows on screen while
 * the keyboard (not a pointer) has brought the focus to the canvas.
 *
 *   <Tldraw …><CanvasKeyboardHint /></Tldraw>
 */
import { useEffect, useId } from 'react'
import { useEditor } from 'tldraw'
import { useI18n } from '../i18n/I18nProvider.tsx'

export function CanvasKeyboardHint() {
  const editor = useEditor()
  const { t } = useI18n()
  const id = useId()

  useEffect(() => {
    const container = editor.getContainer()
    container.setAttribute('aria-describedby', id)
    return () => container.removeAttribute('aria-describedby')
  }, [editor, id])

  return (
    <p id={id} className="sm-canvas-keyboard-hint">
      {t('canvas.keyboardHint', { showList: t('phone.showList') })}
    </p>
  )
}
