/**
 * How a toolkit card (danger statement, safety goal, next step) looks on the canvas: a badge
 * (its number or its link), the composed sentence in the meeting's language — in quotation
 * marks when it is someone's own words —, what the ends of a statement's scale mean (MM-30) and,
 * unless names are hidden for a projector, who added it. A sentence too long for the card is set
 * smaller to fit (down to {@link SMALLEST_WORDS} of its type), then cut with "…", whole in the
 * card's tooltip.
 *
 *   <ToolkitCard shape={shape} toolkit={toolkit} badge="Worry 1" sentence={text} tone="worries" />
 */
import { readScaleEnds } from '@safetymap/map-model'
import { useLayoutEffect, useRef, useState } from 'react'
import { HTMLContainer, useValue, type TLShape } from 'tldraw'
import { translate } from '../../i18n/translate.ts'
import { fitWords, SMALLEST_WORDS } from '../fitWords.ts'
import { usePresentMode } from '../presentMode.ts'
import type { ToolkitState } from './toolkitState.ts'

/** Corner radius of a card, in page units. */
export const CARD_CORNER_RADIUS = 16

/** A card's type on the board and in present mode (`.sm-card` in toolkit.css). */
const CARD_TYPE_PX = 18
const PRESENT_CARD_TYPE_PX = 27

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
  const shown = sentence ? (quote ? `${open}${sentence}${close}` : sentence) : translate(locale, 'toolkit.card.empty')
  const words = useRef<HTMLParagraphElement>(null)
  const [cut, setCut] = useState(false)
  // Present mode sets larger type: fit again then, down to the same smallest type as on the board.
  const present = usePresentMode()
  useLayoutEffect(() => {
    if (words.current) setCut(!fitWords(words.current, present ? SMALLEST_WORDS * (CARD_TYPE_PX / PRESENT_CARD_TYPE_PX) : SMALLEST_WORDS))
  }, [shown, shape.props.w, shape.props.h, ends?.zero, ends?.ten, showAuthors, author, present])
  return (
    <HTMLContainer
      className={`sm-card sm-card--${tone} sm-card--${kind}`}
      data-testid={`sm-card-${kind}`}
      title={cut ? shown : undefined}
      style={{ width: shape.props.w, height: shape.props.h, borderRadius: CARD_CORNER_RADIUS }}
      lang={locale}
    >
      <div className="sm-card__badge">{badge}</div>
      <p ref={words} className={sentence ? 'sm-card__sentence' : 'sm-card__sentence sm-card__sentence--empty'}>
        {shown}
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
