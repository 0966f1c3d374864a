/**
 * How a toolkit card (danger statement, safety goal, next step) looks on the canvas: a badge
 * (its number or its link), the composed sentence in the meeting's language — in quotation
 * marks when it is someone's own words —, what the ends of a statement's scale mean (MM-30) and,
 * unless names are hidden for a projector, who added it.
 *
 *   <ToolkitCard shape={shape} toolkit={toolkit} badge="Worry 1" sentence={text} tone="worries" />
 */
import { readScaleEnds } from '@safetymap/map-model'
import { HTMLContainer, useValue, type TLShape } from 'tldraw'
import { translate } from '../../i18n/translate.ts'
import type { ToolkitState } from './toolkitState.ts'

/** Corner radius of a card, in page units. */
export const CARD_CORNER_RADIUS = 16

/** Opening and closing quotation marks per language. */
const QUOTES = { en: ['“', '”'], es: ['«', '»'] } as const

/** Props of {@link ToolkitCard}. */
export interface ToolkitCardProps {
  readonly shape: TLShape & { props: { w: number; h: number } }
  readonly toolkit: ToolkitState
  readonly badge: string
  readonly sentence: string
  readonly tone: 'worries' | 'needs'
  readonly kind: string
}

/** A card: badge, sentence, author. */
export function ToolkitCard({ shape, toolkit, badge, sentence, tone, kind }: ToolkitCardProps) {
  const locale = useValue(toolkit.boardLocale)
  const showAuthors = useValue(toolkit.showAuthors)
  const quote = shape.meta.quote === true
  const author = typeof shape.meta.authorName === 'string' ? shape.meta.authorName : ''
  const [open, close] = QUOTES[locale]
  const ends = readScaleEnds(shape.meta)
  return (
    <HTMLContainer
      className={`sm-card sm-card--${tone} sm-card--${kind}`}
      data-testid={`sm-card-${kind}`}
      style={{ width: shape.props.w, height: shape.props.h, borderRadius: CARD_CORNER_RADIUS }}
      lang={locale}
    >
      <div className="sm-card__badge">{badge}</div>
      <p className={sentence ? 'sm-card__sentence' : 'sm-card__sentence sm-card__sentence--empty'}>
        {sentence ? (quote ? `${open}${sentence}${close}` : sentence) : translate(locale, 'toolkit.card.empty')}
      </p>
      {ends ? (
        <div className="sm-card__ends" data-testid="sm-card-ends">
          {translate(locale, 'toolkit.ends.shownZero', { text: ends.zero })} · {translate(locale, 'toolkit.ends.shownTen', { text: ends.ten })}
        </div>
      ) : null}
      {showAuthors && author ? (
        <div className="sm-card__author">{translate(locale, 'toolkit.card.addedBy', { name: author })}</div>
      ) : null}
    </HTMLContainer>
  )
}
