/**
 * Owns a family tree (genogram, SPEC MM-39): each person is one of tldraw's own `geo` shapes in
 * the tree's box, drawn with the standard symbols — a square (`rectangle`) for a man or boy, a
 * circle (`ellipse`) for a woman or girl, a diamond for someone whose gender is not given — so what
 * is drawn is what is read. What is written inside is the person: their name, and on a last line
 * of its own their age when given ("Jess\n34"). Someone who has died carries `meta.died: true` and
 * is drawn grey and hatched (tldraw's `pattern` fill; tldraw draws no X over a circle). How two
 * people are related is a line between them (`boundTies.ts`): partners, separated, parent and
 * child, brothers and sisters.
 *
 * ```ts
 * const { familyMembers, relationships } = readFamilyTree(records, shapes, tree.sections['family-tree'])
 * relationshipSentence(relationships[0], familyMembers, 'en') // 'Jess (woman, 34) — Sam (man): separated'
 * ```
 */
import { readTies, sayTie, type MapTie, type TieKinds } from './boundTies.ts'
import { GEO_SHAPE_TYPE } from './docLayout.ts'
import type { MapItem } from './readMap.ts'
import type { ShapeRecord } from './shapeGeometry.ts'
import type { Locale } from './zoneKeys.ts'

/** Who a person is, as the symbol says (MM-39). @public */
export const FAMILY_MEMBER_GENDERS = ['woman', 'man', 'not-given'] as const

/** A person's gender as drawn (MM-39). @public */
export type FamilyMemberGender = (typeof FAMILY_MEMBER_GENDERS)[number]

/** The tldraw `geo` of each symbol (MM-39). @public */
export const FAMILY_MEMBER_SYMBOLS: Readonly<Record<FamilyMemberGender, 'ellipse' | 'rectangle' | 'diamond'>> = {
  woman: 'ellipse',
  man: 'rectangle',
  'not-given': 'diamond',
}

/** Meta key on a person's shape saying they have died (MM-39). @public */
export const DIED_META_KEY = 'died'

/** How a person is drawn, living or after they died (MM-39): tldraw's own fill and colour. @public */
export const FAMILY_MEMBER_LOOK: Readonly<Record<'living' | 'died', { readonly fill: 'none' | 'pattern'; readonly color: 'black' | 'grey' }>> = {
  living: { fill: 'none', color: 'black' },
  died: { fill: 'pattern', color: 'grey' },
}

/** Width and height of a new person's symbol. @public */
export const FAMILY_MEMBER_SIZE = 160

/** One person of a family tree, as read (MM-39). @public */
export interface FamilyMember {
  /** The person's shape id (their item in the tree's box). */
  readonly itemId: string
  readonly name: string
  /** Whole years, or `null` when not given. */
  readonly age: number | null
  readonly gender: FamilyMemberGender
  readonly died: boolean
}

/** The gender a shape's symbol stands for, or `null` when the shape is not a person's symbol. */
function symbolGender(shape: ShapeRecord): FamilyMemberGender | null {
  if (shape.type !== GEO_SHAPE_TYPE) return null
  return FAMILY_MEMBER_GENDERS.find((g) => FAMILY_MEMBER_SYMBOLS[g] === shape.props.geo) ?? null
}

/** True for a shape drawn as a person on a family tree: a square, circle or diamond (MM-39). @public */
export function isFamilyMemberShape(shape: ShapeRecord): boolean {
  return symbolGender(shape) !== null
}

/** What is written inside a person's symbol: the name, and the age on its own last line (MM-39). @public */
export function familyMemberText(name: string, age: number | null): string {
  return age === null ? name.trim() : `${name.trim()}\n${age}`
}

const AGE_LINE = /^\d{1,3}$/

/** Name and age from what is written inside a symbol: a last line of only digits is the age (MM-39). @public */
export function readNameAndAge(text: string): { name: string; age: number | null } {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '')
  const last = lines.length > 1 ? lines[lines.length - 1]! : ''
  if (!AGE_LINE.test(last)) return { name: lines.join(' '), age: null }
  return { name: lines.slice(0, -1).join(' '), age: Number(last) }
}

/** The kinds of relationship a facilitator can give a line on a family tree (MM-39). @public */
export const FAMILY_RELATIONSHIP_KINDS = ['partners', 'separated', 'parent-child', 'siblings'] as const

/** A kind of relationship (MM-39). @public */
export type FamilyRelationshipKind = (typeof FAMILY_RELATIONSHIP_KINDS)[number]

/**
 * A family tree's kinds of line (MM-39): partners solid and thick, separated dashed and thick,
 * parent and child a blue arrow to the child, brothers and sisters green and dotted. Only the
 * parent-and-child line keeps an arrowhead.
 *
 * @public
 */
export const FAMILY_RELATIONSHIPS: TieKinds<FamilyRelationshipKind> = {
  kinds: FAMILY_RELATIONSHIP_KINDS,
  styles: {
    partners: { dash: 'solid', size: 'l', color: 'black', arrowheadEnd: 'none' },
    separated: { dash: 'dashed', size: 'l', color: 'black', arrowheadEnd: 'none' },
    'parent-child': { dash: 'solid', size: 'm', color: 'blue', arrowheadEnd: 'arrow' },
    siblings: { dash: 'dotted', size: 'm', color: 'green', arrowheadEnd: 'none' },
  },
  words: {
    en: { partners: 'partners', separated: 'separated', 'parent-child': 'parent and child', siblings: 'brothers and sisters', none: 'related' },
    es: { partners: 'pareja', separated: 'separados', 'parent-child': 'madre o padre e hijo o hija', siblings: 'hermanos', none: 'son familia' },
  },
}

/** A line between two people of a family tree, as read (MM-39). @public */
export type FamilyRelationship = MapTie<FamilyRelationshipKind>

/**
 * The people of a family tree's box (its items drawn as a person's symbol, in reading order) and
 * the lines between two of them (MM-39). Notes in the box are items but not people.
 *
 * @public
 */
export function readFamilyTree(
  records: ReadonlyMap<string, unknown>,
  shapes: ReadonlyMap<string, ShapeRecord>,
  items: readonly MapItem[],
): { familyMembers: FamilyMember[]; relationships: FamilyRelationship[] } {
  const familyMembers = items.flatMap((item): FamilyMember[] => {
    const shape = shapes.get(item.id)
    const gender = shape ? symbolGender(shape) : null
    if (!shape || !gender) return []
    return [{ itemId: item.id, ...readNameAndAge(item.text), gender, died: shape.meta[DIED_META_KEY] === true }]
  })
  const ends = familyMembers.map((m) => ({ id: m.itemId, text: m.name }))
  return { familyMembers, relationships: readTies(records, shapes, ends, FAMILY_RELATIONSHIPS) }
}

/** Under this age a woman is a girl and a man a boy, in words. */
const ADULT_AGE = 18

const PERSON_WORDS: Readonly<Record<Locale, { woman: string; girl: string; man: string; boy: string; died: string; age: (age: number) => string }>> = {
  en: { woman: 'woman', girl: 'girl', man: 'man', boy: 'boy', died: 'has died', age: (age) => String(age) },
  es: { woman: 'mujer', girl: 'niña', man: 'hombre', boy: 'niño', died: 'falleció', age: (age) => `${age} ${age === 1 ? 'año' : 'años'}` },
}

/** A person in plain words (MM-39): "Jess (woman, 34)", "Tom (man, has died)", "Alex". @public */
export function describeFamilyMember(member: Pick<FamilyMember, 'name' | 'age' | 'gender' | 'died'>, locale: Locale): string {
  const w = PERSON_WORDS[locale]
  const child = member.age !== null && member.age < ADULT_AGE
  const gender = member.gender === 'woman' ? (child ? w.girl : w.woman) : member.gender === 'man' ? (child ? w.boy : w.man) : null
  const facts = [gender, member.age === null ? null : w.age(member.age), member.died ? w.died : null].filter((f) => f !== null)
  return facts.length === 0 ? member.name : `${member.name} (${facts.join(', ')})`
}

/**
 * A relationship as one plain sentence in `locale`, each end described (MM-39):
 * "Jess (woman, 34) — Sam (man): separated".
 *
 * @public
 */
export function relationshipSentence(relationship: FamilyRelationship, members: readonly FamilyMember[], locale: Locale): string {
  const say = (id: string, text: string) => {
    const member = members.find((m) => m.itemId === id)
    return member ? describeFamilyMember(member, locale) : text
  }
  return sayTie(FAMILY_RELATIONSHIPS, { ...relationship, fromText: say(relationship.fromItemId, relationship.fromText), toText: say(relationship.toItemId, relationship.toText) }, locale)
}
