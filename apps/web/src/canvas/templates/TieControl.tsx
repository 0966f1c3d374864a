/**
 * The facilitator's switch for what a line between two people is (map-model MM-37, MM-39), shown
 * while one tldraw arrow is selected whose two ends are bound to two people of one diagram: on a
 * family and network diagram (ends on its notes) "This line is: a strong / weak / stressful tie",
 * on a family tree (ends on its people's symbols) "These two are: partners / separated / parent
 * and child / brothers and sisters"; only once the line is drawn. Choosing a kind stores it as
 * `meta.tie` on the arrow and draws the arrow in that kind's style; choosing the pressed one again
 * takes the kind away. Render it inside `<Tldraw>` (it needs the editor).
 *
 *   {isFacilitator ? <TieControl /> : null}
 */
import {
  ECOMAP_TIES,
  FAMILY_RELATIONSHIPS,
  isTieKind,
  NOTE_SHAPE_TYPE,
  PLAIN_TIE_STYLE,
  TIE_META_KEY,
  ZONE_SHAPE_TYPE,
  type TieKinds,
} from '@safetymap/map-model'
import { useEditor, useValue, type Editor, type TLArrowShape, type TLShape } from 'tldraw'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import type { MessageKey } from '../../i18n/messages.ts'
import { isFamilyMemberOnBoard } from './familyMemberOnBoard.ts'

/** A diagram whose lines have kinds: what its ends are, its kinds, and their words on the switch. */
interface Diagram {
  readonly isEnd: (shape: TLShape) => boolean
  readonly tieKinds: TieKinds<string>
  readonly label: MessageKey
  readonly buttons: Readonly<Record<string, MessageKey>>
}

const DIAGRAMS: Readonly<Record<'ecomap' | 'family-tree', Diagram>> = {
  ecomap: {
    isEnd: (s) => s.type === NOTE_SHAPE_TYPE,
    tieKinds: ECOMAP_TIES,
    label: 'templates.tie.label',
    buttons: { strong: 'templates.tie.strong', weak: 'templates.tie.weak', stressful: 'templates.tie.stressful' },
  },
  'family-tree': {
    isEnd: isFamilyMemberOnBoard,
    tieKinds: FAMILY_RELATIONSHIPS,
    label: 'templates.relationship.label',
    buttons: {
      partners: 'templates.relationship.partners',
      separated: 'templates.relationship.separated',
      'parent-child': 'templates.relationship.parent-child',
      siblings: 'templates.relationship.siblings',
    },
  },
}

/** The selected arrow and its diagram when both its ends are bound to two people of one diagram's box; else `null`. */
function selectedTie(editor: Editor): { readonly arrow: TLArrowShape; readonly diagram: Diagram } | null {
  // Not while the line is still being drawn: the switch appearing can grow the bar and move the canvas under the pointer.
  if (!editor.isIn('select.idle')) return null
  const selected = editor.getSelectedShapes()
  const arrow = selected.length === 1 && selected[0]!.type === 'arrow' ? (selected[0] as TLArrowShape) : null
  if (!arrow) return null
  const ends = editor.getBindingsFromShape(arrow, 'arrow')
  const bound = (terminal: 'start' | 'end') => ends.find((b) => (b.props as { terminal?: unknown }).terminal === terminal)?.toId
  const start = bound('start')
  const end = bound('end')
  if (!start || !end || start === end) return null
  for (const [templateId, diagram] of Object.entries(DIAGRAMS)) {
    const boxes = editor
      .getCurrentPageShapes()
      .filter((s) => s.type === ZONE_SHAPE_TYPE && s.meta.templateId === templateId)
      .flatMap((s) => editor.getShapePageBounds(s) ?? [])
    const inBox = (shape: TLShape | undefined) => {
      const centre = shape && diagram.isEnd(shape) ? editor.getShapePageBounds(shape)?.center : undefined
      return centre !== undefined && boxes.some((b) => b.containsPoint(centre))
    }
    if (inBox(editor.getShape(start)) && inBox(editor.getShape(end))) return { arrow, diagram }
  }
  return null
}

/** The kind switch for a selected line between two people; nothing otherwise. */
export function TieControl() {
  const editor = useEditor()
  const { t } = useI18n()
  const tie = useValue('selected tie', () => selectedTie(editor), [editor])
  if (!tie) return null
  const { arrow, diagram } = tie
  const stored = arrow.meta[TIE_META_KEY]
  const current = isTieKind(diagram.tieKinds, stored) ? stored : null

  const choose = (kind: string) => {
    const next = kind === current ? null : kind
    const { [TIE_META_KEY]: _dropped, ...rest } = arrow.meta
    editor.updateShape<TLArrowShape>({
      id: arrow.id,
      type: 'arrow',
      meta: next ? { ...rest, [TIE_META_KEY]: next } : rest,
      props: next ? diagram.tieKinds.styles[next] : PLAIN_TIE_STYLE,
    })
  }

  return (
    <span role="group" aria-label={t(diagram.label)}>
      {diagram.tieKinds.kinds.map((kind) => (
        <button key={kind} type="button" aria-pressed={current === kind} onClick={() => choose(kind)}>
          {t(diagram.buttons[kind]!)}
        </button>
      ))}
    </span>
  )
}
