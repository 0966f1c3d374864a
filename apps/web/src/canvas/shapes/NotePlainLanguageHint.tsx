/**
 * The plain-language checker for notes (map-model MM-19): while exactly one note is selected and
 * its text has labels, jargon, diagnoses or acronyms, a small panel lists them with a short
 * suggestion. It prompts only; the note's words stay as they are.
 *
 *   <NotePlainLanguageHint toolkit={toolkit} />
 */
import { checkPlainLanguage, NOTE_SHAPE_TYPE, richTextToPlainText } from '@safetymap/map-model'
import { useEditor, useValue } from 'tldraw'
import { PlainLanguageFindings } from './PlainLanguageFindings.tsx'
import type { ToolkitState } from './toolkitState.ts'

/** Prompts for the selected note, or nothing. */
export function NotePlainLanguageHint({ toolkit }: { toolkit: ToolkitState }) {
  const editor = useEditor()
  const locale = useValue(toolkit.boardLocale)
  const text = useValue(
    'selected note text',
    () => {
      const selected = editor.getSelectedShapes()
      const only = selected.length === 1 ? selected[0] : undefined
      return only?.type === NOTE_SHAPE_TYPE ? richTextToPlainText((only.props as { richText?: unknown }).richText) : ''
    },
    [editor],
  )
  return <PlainLanguageFindings findings={text ? checkPlainLanguage(text, locale) : []} className="sm-plain-hint" testId="note-plain-language" />
}
