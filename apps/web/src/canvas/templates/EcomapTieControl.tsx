/**
 * The facilitator's "This line is: a strong / weak / stressful tie" switch on a family and network
 * diagram (map-model MM-37): shown while one tldraw arrow is selected whose two ends are bound to
 * notes inside an ecomap box. Choosing a kind stores it as `meta.tie` on the arrow and draws the
 * arrow in that kind's style; choosing the pressed one again takes the kind away ("connected").
 * Render it inside `<Tldraw>` (it needs the editor).
 *
 *   {isFacilitator ? <EcomapTieControl /> : null}
 */
import { ECOMAP_TIE_KINDS, ECOMAP_TIE_STYLES, isEcomapTieKind, NOTE_SHAPE_TYPE, TIE_META_KEY, ZONE_SHAPE_TYPE, type EcomapTieKind } from '@safetymap/map-model'
import { useEditor, useValue, type Editor, type TLArrowShape, type TLShape } from 'tldraw'
import { useI18n } from '../../i18n/I18nProvider.tsx'

/** tldraw's own look of a new arrow, for a line whose kind is taken away. */
const PLAIN_ARROW = { dash: 'draw', size: 'm', color: 'black' } as const

/** The selected arrow when it is a tie: both ends bound to notes whose centres are in an ecomap box; else `null`. */
function selectedTie(editor: Editor): TLArrowShape | null {
  const selected = editor.getSelectedShapes()
  const arrow = selected.length === 1 && selected[0]!.type === 'arrow' ? (selected[0] as TLArrowShape) : null
  if (!arrow) return null
  const boxes = editor
    .getCurrentPageShapes()
    .filter((s) => s.type === ZONE_SHAPE_TYPE && s.meta.templateId === 'ecomap')
    .flatMap((s) => editor.getShapePageBounds(s) ?? [])
  const inBox = (shape: TLShape | undefined) => {
    const centre = shape?.type === NOTE_SHAPE_TYPE ? editor.getShapePageBounds(shape)?.center : undefined
    return centre !== undefined && boxes.some((b) => b.containsPoint(centre))
  }
  const ends = editor.getBindingsFromShape(arrow, 'arrow')
  const bound = (terminal: 'start' | 'end') => ends.find((b) => (b.props as { terminal?: unknown }).terminal === terminal)?.toId
  const start = bound('start')
  const end = bound('end')
  if (!start || !end || start === end) return null
  return inBox(editor.getShape(start)) && inBox(editor.getShape(end)) ? arrow : null
}

/** The kind switch for a selected tie; nothing otherwise. */
export function EcomapTieControl() {
  const editor = useEditor()
  const { t } = useI18n()
  const tie = useValue('selected tie', () => selectedTie(editor), [editor])
  if (!tie) return null
  const stored = tie.meta[TIE_META_KEY]
  const current = isEcomapTieKind(stored) ? stored : null

  const choose = (kind: EcomapTieKind) => {
    const next = kind === current ? null : kind
    const { [TIE_META_KEY]: _dropped, ...rest } = tie.meta
    editor.updateShape<TLArrowShape>({
      id: tie.id,
      type: 'arrow',
      meta: next ? { ...rest, [TIE_META_KEY]: next } : rest,
      props: next ? ECOMAP_TIE_STYLES[next] : PLAIN_ARROW,
    })
  }

  return (
    <span role="group" aria-label={t('templates.tie.label')}>
      {ECOMAP_TIE_KINDS.map((kind) => (
        <button key={kind} type="button" aria-pressed={current === kind} onClick={() => choose(kind)}>
          {t(`templates.tie.${kind}`)}
        </button>
      ))}
    </span>
  )
}
