/**
 * Draws the map's template zones (`sm-zone`, map-model MM-6): soft-coloured rounded areas behind
 * the notes. Section zones show their heading and a one-line hint; column zones are heading
 * strips; the `scale` zone adds a 0–10 number line and, when set, what its ends mean (MM-30).
 * Headings follow the meeting's language (MM-8), handed in as a signal so they change live when
 * the doc's `meta.locale` does; a house the child renamed shows their words instead (MM-31), and
 * the first house carries the parent's consent.
 *
 * Zones are written locked; this util also refuses resizing, rotating, editing and binding, so
 * even an unlocked zone only moves.
 *
 *   const boardLocale = atom<Locale>('board locale', 'en')
 *   const shapeUtils = [ZoneShapeUtil.configure({ boardLocale })]
 */
import {
  columnOf,
  isSectionKey,
  isTemplateId,
  MAP_TEMPLATES,
  readParentConsent,
  readScaleEnds,
  readZoneHeading,
  templateZoneWords,
  ZONE_SHAPE_TYPE,
  zoneHint,
  zoneLabel,
  type ColumnKey,
  type LabelOverrides,
  type Locale,
  type TemplateZoneLook,
  type ZoneKey,
} from '@safetymap/map-model'
import { zoneShapeMigrations, zoneShapeProps, type SMZoneShape } from '@safetymap/map-model/schema'
import { atom, HTMLContainer, Rectangle2d, useValue, type Signal } from 'tldraw'
import { FixedShapeUtil } from './FixedShapeUtil.ts'
import { translate } from '../i18n/translate.ts'

/** Corner radius of a zone, in page units. */
const ZONE_CORNER_RADIUS = 24

/** Corner radius of a ring of the circles: round, yet its corners still read as the ring (MM-7 is rectangles). */
const RING_CORNER_RADIUS = 160

/** The scale's marks, 0 to 10. */
const SCALE_MARKS = Array.from({ length: 11 }, (_, i) => i)

/** How a zone is drawn, and in which colour family (its column, the rating band, or its template's). */
interface ZoneLook {
  readonly kind: 'column' | 'section' | 'scale' | 'house' | 'ring'
  readonly tone: ColumnKey | 'scale' | 'grey' | 'house' | 'ring'
}

const TEMPLATE_KINDS: Readonly<Record<TemplateZoneLook, ZoneLook['kind']>> = {
  heading: 'column',
  section: 'section',
  scale: 'scale',
  house: 'house',
  ring: 'ring',
}

function zoneLook(zone: ZoneKey, look: TemplateZoneLook): ZoneLook {
  if (isSectionKey(zone)) {
    const column = columnOf(zone)
    return column ? { kind: 'section', tone: column } : { kind: 'scale', tone: 'scale' }
  }
  if (zone === 'worries' || zone === 'working-well' || zone === 'needs') return { kind: 'column', tone: zone }
  const kind = TEMPLATE_KINDS[look]
  return { kind, tone: zone === 'grey-area' ? 'grey' : kind === 'ring' ? 'ring' : kind === 'scale' ? 'scale' : 'house' }
}

/** Heading and hint keys of a zone shape: its placed template's words (map-model MM-27). */
function zoneWords(shape: SMZoneShape) {
  const templateId = shape.meta.templateId
  return templateZoneWords(shape.props.zone, isTemplateId(templateId) ? templateId : null)
}

/** Options of {@link ZoneShapeUtil}; set them with `ZoneShapeUtil.configure`. */
export interface ZoneShapeUtilOptions {
  /** The meeting's language (`meta.locale`), which the headings are written in. */
  readonly boardLocale: Signal<Locale>
  /** The deployment's own headings (map-model MM-28), from `/api/config`. */
  readonly labelOverrides?: LabelOverrides
}

/** tldraw shape util for `sm-zone`. */
export class ZoneShapeUtil extends FixedShapeUtil<SMZoneShape> {
  static override type = ZONE_SHAPE_TYPE
  static override props = zoneShapeProps
  static override migrations = zoneShapeMigrations

  override options: ZoneShapeUtilOptions = { boardLocale: atom<Locale>('zone board locale', 'en') }

  getDefaultProps(): SMZoneShape['props'] {
    return { w: 400, h: 300, zone: 'strengths' }
  }

  getGeometry(shape: SMZoneShape) {
    return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: true })
  }

  component(shape: SMZoneShape) {
    return <ZoneView shape={shape} boardLocale={this.options.boardLocale} overrides={this.options.labelOverrides} />
  }

  getIndicatorPath(shape: SMZoneShape): Path2D {
    const path = new Path2D()
    path.roundRect(0, 0, shape.props.w, shape.props.h, ZONE_CORNER_RADIUS)
    return path
  }

  override getText(shape: SMZoneShape): string {
    return readZoneHeading(shape.meta) ?? zoneLabel(zoneWords(shape).heading, this.options.boardLocale.get(), this.options.labelOverrides)
  }

  override hideSelectionBoundsFg(): boolean {
    return true
  }

  override canBind(): boolean {
    return false
  }
}

function ZoneView({ shape, boardLocale, overrides }: { shape: SMZoneShape; boardLocale: Signal<Locale>; overrides: LabelOverrides | undefined }) {
  const locale = useValue(boardLocale)
  const { w, h, zone } = shape.props
  const words = zoneWords(shape)
  const { kind, tone } = zoneLook(zone, words.look)
  // The child's own name for a house (map-model MM-31) replaces the catalogue's words, verbatim.
  const childHeading = readZoneHeading(shape.meta)
  const templateId = shape.meta.templateId
  const consent = isTemplateId(templateId) && MAP_TEMPLATES[templateId].sections[0] === zone ? readParentConsent(shape.meta) : null
  const ends = kind === 'scale' ? readScaleEnds(shape.meta) : null
  return (
    <HTMLContainer
      className={`sm-zone sm-zone--${kind} sm-zone--${tone}`}
      style={{ width: w, height: h, borderRadius: kind === 'ring' ? RING_CORNER_RADIUS : ZONE_CORNER_RADIUS }}
    >
      <div className="sm-zone__heading" lang={childHeading === null ? locale : undefined} data-testid="sm-zone-heading">
        {childHeading ?? zoneLabel(words.heading, locale, overrides)}
      </div>
      {consent ? (
        <div className="sm-zone__consent" lang={locale} data-testid="sm-zone-consent">
          {translate(locale, 'templates.consent.shown', { name: consent.givenBy })}
        </div>
      ) : null}
      {kind === 'column' || words.hint === null ? null : (
        <div className="sm-zone__hint" lang={locale}>
          {zoneHint(words.hint, locale, overrides)}
        </div>
      )}
      {kind === 'scale' ? (
        <ol className="sm-zone__scale" aria-hidden="true">
          {SCALE_MARKS.map((mark) => (
            <li key={mark}>{mark}</li>
          ))}
        </ol>
      ) : null}
      {ends ? (
        <div className="sm-zone__ends" lang={locale} data-testid="sm-scale-ends">
          <span>{translate(locale, 'toolkit.ends.shownZero', { text: ends.zero })}</span>
          <span>{translate(locale, 'toolkit.ends.shownTen', { text: ends.ten })}</span>
        </div>
      ) : null}
    </HTMLContainer>
  )
}
