/**
 * Fits notes written away from the board (on a phone's list, from the API) to their words, as
 * tldraw fits a note typed on the board (render inside `<Tldraw>` on a board that may write).
 * tldraw sets a note's `growY` and `fontSizeAdjustment` only when this editor creates the note or
 * edits its text; a note that arrives from the relay keeps what its writer set (0 and 1), so a
 * long one spilled over its zone's heading and the name under it, and was cut in the picture.
 * This board measures such notes with tldraw's own note util, once its fonts are loaded, and
 * writes the fit back outside the undo history, so every client, the case-file picture and the
 * slot for the next note see the note's real height.
 *
 *   <Tldraw …>{role === 'facilitator' && !finalized ? <FitNotesToText /> : null}</Tldraw>
 */
import { NOTE_SHAPE_TYPE } from '@safetymap/map-model'
import { useEffect } from 'react'
import { useEditor, type Editor, type TLNoteShape, type TLRecord, type TLShapePartial } from 'tldraw'

/** tldraw 5.4.2's note util measures a note this way; the method is not in its public typings. */
interface MeasuresNotes {
  getNoteSizeAdjustments(shape: TLNoteShape): TLNoteShape | undefined
}

const isNote = (record: TLRecord): record is TLNoteShape => record.typeName === 'shape' && record.type === NOTE_SHAPE_TYPE

/**
 * Whether a note's words or their look changed. A change of its fit alone is not measured again:
 * two boards whose fonts render a hair apart would otherwise correct each other for ever.
 */
const wordsChanged = (before: TLNoteShape, after: TLNoteShape) =>
  JSON.stringify(before.props.richText) !== JSON.stringify(after.props.richText) ||
  before.props.font !== after.props.font ||
  before.props.size !== after.props.size ||
  before.props.scale !== after.props.scale

/** The fits of `notes` that differ from what they hold, once the fonts they are drawn in are loaded. */
async function noteFits(editor: Editor, notes: readonly TLNoteShape[]): Promise<TLShapePartial<TLNoteShape>[]> {
  await Promise.all(notes.flatMap((note) => editor.fonts.getShapeFontFaces(note).map((face) => editor.fonts.ensureFontIsLoaded(face))))
  const util = editor.getShapeUtil(NOTE_SHAPE_TYPE) as unknown as MeasuresNotes
  return notes.flatMap((note) => {
    const current = editor.getShape<TLNoteShape>(note.id)
    const fitted = current && util.getNoteSizeAdjustments(current)
    return fitted ? [{ id: note.id, type: NOTE_SHAPE_TYPE, props: { growY: fitted.props.growY, fontSizeAdjustment: fitted.props.fontSizeAdjustment } }] : []
  })
}

export function FitNotesToText() {
  const editor = useEditor()
  useEffect(() => {
    let stopped = false
    const fit = async (notes: readonly TLNoteShape[]) => {
      if (notes.length === 0) return
      const fits = await noteFits(editor, notes)
      if (stopped || fits.length === 0 || editor.getIsReadonly()) return
      editor.run(() => editor.updateShapes(fits), { history: 'ignore' })
    }
    void fit(editor.getCurrentPageShapes().filter(isNote))
    const stopListening = editor.store.listen(
      ({ changes }) => {
        const added = Object.values(changes.added).filter(isNote)
        const rewritten = Object.values(changes.updated).flatMap(([before, after]) => (isNote(before) && isNote(after) && wordsChanged(before, after) ? [after] : []))
        void fit([...added, ...rewritten])
      },
      { source: 'remote', scope: 'document' },
    )
    return () => {
      stopped = true
      stopListening()
    }
  }, [editor])
  return null
}
