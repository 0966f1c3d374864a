/**
 * One section of the map as a list: its heading and one-line hint (from the map-model catalogue,
 * in the person's language), any toolkit cards it holds (passed as children), its items in the
 * board's reading order, and a form to add to it.
 * `section={null}` lists notes that sit outside every section on the board.
 *
 *   <SectionList section="strengths" items={map.sections.strengths} actions={actions} headingLevel={3} />
 */
import { zoneHint, zoneLabel, type MapItem, type SectionKey } from '@safetymap/map-model'
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { focusOnMount } from '../ui/focusOnMount.ts'
import { useWarnBeforeLeaving } from '../ui/useWarnBeforeLeaving.ts'
import { ItemCard, MAX_ITEM_TEXT_LENGTH } from './ItemCard.tsx'

/** What a section list may do, decided by the page. */
export interface SectionActions {
  readonly canWrite: boolean
  /** The person's participant id: their own items can be changed and removed. */
  readonly selfId: string
  readonly isPending: (id: string) => boolean
  readonly add: (section: SectionKey, text: string) => void
  readonly update: (id: string, text: string) => void
  readonly remove: (id: string) => void
  /** Records (`true`) or takes back (`false`) the person's disagreement with a note or card. */
  readonly disagree: (id: string, on: boolean) => void
}

/** Props of {@link SectionList}. */
export interface SectionListProps {
  readonly section: SectionKey | null
  readonly items: readonly MapItem[]
  readonly actions: SectionActions
  readonly headingLevel: 2 | 3
  /** Heading for the unsorted list (sections take theirs from the catalogue). */
  readonly title?: string
  /** What else the section holds (toolkit cards, scaling lines), shown before its notes. */
  readonly children?: ReactNode
  /** True when `children` shows something, so the section is not "empty". */
  readonly hasCards?: boolean
}

/** A section and its items. */
export function SectionList({ section, items, actions, headingLevel, title, children, hasCards = false }: SectionListProps) {
  const { t, locale } = useI18n()
  const id = useId()
  const label = section ? zoneLabel(section, locale) : (title ?? '')
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section
      className="phone-section"
      id={section ? `phone-section-${section}` : undefined}
      aria-labelledby={`${id}-h`}
      data-testid="phone-section"
      data-section={section ?? 'unsorted'}
    >
      <Heading id={`${id}-h`} className="phone-section-heading">
        {label}
      </Heading>
      {section ? <p className="phone-hint">{zoneHint(section, locale)}</p> : null}
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
              onRemove={() => actions.remove(item.id)}
              canDisagree={actions.canWrite && item.authorId !== actions.selfId}
              selfId={actions.selfId}
              onDisagree={(on) => actions.disagree(item.id, on)}
            />
          ))}
        </ul>
      )}
      {section && actions.canWrite ? <AddItemForm section={section} label={label} onAdd={(text) => actions.add(section, text)} /> : null}
    </section>
  )
}

function AddItemForm({ section, label, onAdd }: { section: SectionKey; label: string; onAdd: (text: string) => void }) {
  const { t } = useI18n()
  const id = useId()
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const [error, setError] = useState(false)
  const [added, setAdded] = useState('')
  const openButton = useRef<HTMLButtonElement>(null)
  // A reload or a tap on "back" would lose what is typed here: the browser asks first.
  useWarnBeforeLeaving(open && text.trim() !== '')

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const value = text.trim()
    if (!value) {
      setError(true)
      return
    }
    onAdd(value)
    setText('')
    setError(false)
    setAdded(t('phone.added', { section: label }))
  }
  const close = () => {
    setOpen(false)
    setText('')
    setError(false)
    // Put the focus back where the person started, so keyboard and screen-reader users are not lost.
    requestAnimationFrame(() => openButton.current?.focus())
  }

  return (
    <div className="phone-add" data-section={section}>
      <p className="phone-visually-hidden" role="status">
        {added}
      </p>
      {open ? (
        <form onSubmit={submit} noValidate>
          <label htmlFor={`${id}-text`} className="phone-label">
            {t('phone.addLabel', { section: label })}
          </label>
          <textarea
            id={`${id}-text`}
            value={text}
            rows={3}
            maxLength={MAX_ITEM_TEXT_LENGTH}
            ref={focusOnMount}
            aria-invalid={error || undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => {
              setText(event.target.value)
              setAdded('')
            }}
          />
          {error ? (
            <p className="form-error" id={`${id}-error`} role="alert">
              {t('phone.textRequired')}
            </p>
          ) : null}
          <div className="phone-actions">
            <button type="submit" className="primary">
              {t('phone.addSubmit')}
            </button>
            <button type="button" onClick={close}>
              {t('phone.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" ref={openButton} className="phone-add-open" onClick={() => setOpen(true)}>
          {t('phone.add', { section: label })}
        </button>
      )}
    </div>
  )
}
