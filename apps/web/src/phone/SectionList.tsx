/**
 * One part of the map as a list — a section, or a zone of a placed template: its heading and
 * one-line hint (in the person's language), anything else it holds (toolkit cards, scaling lines;
 * passed as children), its items in the board's reading order, and a form to add to it.
 * `zone={null}` lists notes that sit outside every section on the board (no form: they belong nowhere).
 * When the person removes one of their notes the focus stays in the section, on "Add to …".
 *
 *   <SectionList zone="strengths" heading={zoneLabel('strengths', locale)} hint={…} items={map.sections.strengths}
 *     actions={actions} headingLevel={3} add={{ draftKey: addFormKey('strengths'), onAdd }} />
 */
import type { ItemZoneKey, MapItem } from '@safetymap/map-model'
import { useId, useRef, type ReactNode } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { AddItemForm, type AddItemFormProps } from './AddItemForm.tsx'
import type { Drafts } from '../ui/drafts.ts'
import { focusHeading } from './focusHeading.ts'
import { ItemCard } from './ItemCard.tsx'
import type { KeptWhy } from './KeptWords.tsx'
import type { TypedWords } from './typedWords.ts'

/** What a section list may do, decided by the page. */
export interface SectionActions {
  readonly canWrite: boolean
  /** Why forms open now keep their typed words on screen instead of sending (KeptWords.tsx), or `null` while they send. */
  readonly kept: KeptWhy | null
  /** Where "Add to …" forms tell what she has typed, for the page to show if the map is withdrawn. */
  readonly typed: TypedWords
  /** The person's participant id: their own items can be changed and removed. */
  readonly selfId: string
  readonly isPending: (id: string) => boolean
  /** Where open forms keep what is typed until it is sent or cancelled. */
  readonly drafts: Drafts
  readonly update: (id: string, text: string) => void
  readonly remove: (id: string) => void
  /** Records (`true`) or takes back (`false`) the person's disagreement with a note or card. */
  readonly disagree: (id: string, on: boolean) => void
}

/** How a part of the map takes a new note. */
export interface SectionAdd {
  /** The form's key in `actions.drafts`. */
  readonly draftKey: string
  readonly onAdd: AddItemFormProps['onAdd']
  /** Who will see what is written here (a private contact), shown in the form. */
  readonly notice?: string
  /** Said once it was sent, the form closed (a private contact, never shown in the list). */
  readonly sent?: string
  /** The part is a question: see AddItemForm's `question`. */
  readonly question?: boolean
}

/** Props of {@link SectionList}. */
export interface SectionListProps {
  /** The zone key (`data-section`), or `null` for the notes outside every section. */
  readonly zone: ItemZoneKey | null
  readonly heading: string
  /** What belongs here, in a line under the heading. */
  readonly hint?: string | null
  /** Id of the section's place in the list, for "Go there" (readFocus.ts). */
  readonly anchorId?: string
  readonly items: readonly MapItem[]
  readonly actions: SectionActions
  readonly headingLevel: 2 | 3
  /** Offered only when `actions.canWrite`. */
  readonly add?: SectionAdd
  /** What else the section holds (toolkit cards, scaling lines), shown before its notes. */
  readonly children?: ReactNode
  /** True when `children` shows something, so the section is not "empty". */
  readonly hasCards?: boolean
}

/** A part of the map and its items. */
export function SectionList({ zone, heading, hint, anchorId, items, actions, headingLevel, add, children, hasCards = false }: SectionListProps) {
  const { t } = useI18n()
  const id = useId()
  const Heading = `h${headingLevel}` as const
  const sectionRef = useRef<HTMLElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  // The removed note's buttons go with it: the focus moves on to "Add to …", or to the heading
  // while the add form is open (focusing its text box would pop up the phone's keyboard unasked).
  const removeAndMoveFocus = (itemId: string) => {
    // The section's own add button: a scale line's "Give your number" looks the same but is not it.
    const addButton = sectionRef.current?.querySelector<HTMLElement>('.phone-add > .phone-add-open')
    if (addButton) addButton.focus()
    else focusHeading(headingRef.current)
    actions.remove(itemId)
  }
  return (
    <section ref={sectionRef} className="phone-section" id={anchorId} aria-labelledby={`${id}-h`} data-testid="phone-section" data-section={zone ?? 'unsorted'}>
      <Heading ref={headingRef} id={`${id}-h`} className="phone-section-heading">
        {heading}
      </Heading>
      {hint ? <p className="phone-hint">{hint}</p> : null}
      {children}
      {items.length === 0 ? (
        hasCards ? null : <p className="phone-muted phone-empty">{t('phone.empty')}</p>
      ) : (
        <ul className="phone-items" aria-labelledby={`${id}-h`}>
          {items.map((item) => (
            <ItemCard
              key={item.id}
              item={item}
              own={actions.canWrite && item.authorId === actions.selfId}
              self={item.authorId === actions.selfId}
              pending={actions.isPending(item.id)}
              onSave={(text) => actions.update(item.id, text)}
              onRemove={() => removeAndMoveFocus(item.id)}
              canDisagree={actions.canWrite && item.authorId !== actions.selfId}
              selfId={actions.selfId}
              onDisagree={(on) => actions.disagree(item.id, on)}
              drafts={actions.drafts}
              kept={actions.kept}
            />
          ))}
        </ul>
      )}
      {zone && add && (actions.canWrite || actions.kept) ? (
        <AddItemForm zone={zone} label={heading} drafts={actions.drafts} draftKey={add.draftKey} onAdd={add.onAdd} notice={add.notice} sent={add.sent} question={add.question} kept={actions.kept} typed={actions.typed} />
      ) : null}
    </section>
  )
}
