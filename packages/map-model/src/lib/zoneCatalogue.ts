/**
 * Owns the words of the map (SPEC MM-5, MM-8): each zone's heading and one plain-language hint,
 * in English and in Spanish. Spanish is plain, family-facing Spanish as spoken in California,
 * addressing the reader as "usted"; it avoids agency jargon and gendered forms where it can
 * ("el niño o la niña", "a salvo").
 *
 * ```ts
 * zoneLabel('danger', 'en') // 'Danger statements'
 * zoneHint('danger', 'es')  // '¿Qué le podría pasar al niño o la niña si nada cambia?'
 * ```
 */
import { ZONE_KEYS, type Locale, type ZoneKey } from './zoneKeys.ts'

/**
 * Headings that replace a zone key's own words in one template variant (MM-27): the wellbeing
 * wording ("worry", "wellbeing goal") and the consultation framework's "risk statements". The
 * section keys stay the same; only the words differ.
 *
 * @public
 */
export const VARIANT_LABEL_KEYS = [
  'wellbeing-danger',
  'wellbeing-goals',
  'consultation-danger',
  'consultation-strengths',
] as const

/**
 * Every heading a template can show (MM-27): one per zone key plus the variants. This is the fixed
 * set a deployment's labels file may relabel (MM-28).
 *
 * @public
 */
export const LABEL_KEYS = [...ZONE_KEYS, ...VARIANT_LABEL_KEYS] as const

/** A heading of the catalogue (MM-27). @public */
export type LabelKey = ZoneKey | (typeof VARIANT_LABEL_KEYS)[number]

/** True when `value` is one of {@link LABEL_KEYS}. @public */
export function isLabelKey(value: unknown): value is LabelKey {
  return (LABEL_KEYS as readonly unknown[]).includes(value)
}

/**
 * A deployment's own words for some headings (MM-28): per label key and locale, a `label` and/or
 * `hint` replacing the catalogue's. Missing entries fall back to the catalogue.
 *
 * @public
 */
export type LabelOverrides = Readonly<
  Partial<Record<LabelKey, Readonly<Partial<Record<Locale, Readonly<{ label?: string; hint?: string }>>>>>>
>

/** Heading and hint of one zone in one language. */
interface ZoneWords {
  readonly label: string
  readonly hint: string
}

// Typed as a complete Record so a new key or locale fails to compile until it has words.
const ZONE_CATALOGUE: Readonly<Record<LabelKey, Readonly<Record<Locale, ZoneWords>>>> = {
  worries: {
    en: {
      label: 'What are we worried about?',
      hint: 'What worries people about the child’s safety.',
    },
    es: {
      label: '¿Qué nos preocupa?',
      hint: 'Lo que a la gente le preocupa sobre la seguridad del niño o la niña.',
    },
  },
  'working-well': {
    en: {
      label: 'What’s working well?',
      hint: 'The good things about the family and the people who help them.',
    },
    es: {
      label: '¿Qué está funcionando bien?',
      hint: 'Las cosas buenas de la familia y de las personas que la apoyan.',
    },
  },
  needs: {
    en: {
      label: 'What needs to happen?',
      hint: 'What has to happen so the child is safe and the case can close.',
    },
    es: {
      label: '¿Qué tiene que pasar?',
      hint: 'Lo que tiene que pasar para que el niño o la niña esté a salvo y se pueda cerrar el caso.',
    },
  },
  harm: {
    en: {
      label: 'Harm',
      hint: 'What has already happened to the child, and how did it affect them?',
    },
    es: {
      label: 'Daño',
      hint: '¿Qué le ha pasado ya al niño o la niña, y cómo le afectó?',
    },
  },
  danger: {
    en: {
      label: 'Danger statements',
      hint: 'What could happen to the child if nothing changes?',
    },
    es: {
      label: 'Declaraciones de peligro',
      hint: '¿Qué le podría pasar al niño o la niña si nada cambia?',
    },
  },
  complicating: {
    en: {
      label: 'Complicating factors',
      hint: 'What makes things harder to fix, but is not the danger itself?',
    },
    es: {
      label: 'Factores que complican',
      hint: '¿Qué hace que las cosas sean más difíciles de resolver, aunque no sea el peligro en sí?',
    },
  },
  strengths: {
    en: {
      label: 'Strengths',
      hint: 'What is good about this family and the people around them?',
    },
    es: {
      label: 'Fortalezas',
      hint: '¿Qué cosas buenas tienen esta familia y las personas que la rodean?',
    },
  },
  safety: {
    en: {
      label: 'Existing safety',
      hint: 'When has someone kept the child safe, even when things were hard?',
    },
    es: {
      label: 'Seguridad que ya existe',
      hint: '¿Cuándo ha protegido alguien al niño o la niña, aun cuando las cosas estaban difíciles?',
    },
  },
  goals: {
    en: {
      label: 'Safety goals',
      hint: 'What will life look like when the child is safe enough for the case to close?',
    },
    es: {
      label: 'Metas de seguridad',
      hint: '¿Cómo será la vida cuando el niño o la niña esté lo bastante a salvo para cerrar el caso?',
    },
  },
  'next-steps': {
    en: {
      label: 'Next steps',
      hint: 'Who will do what, and by when?',
    },
    es: {
      label: 'Próximos pasos',
      hint: '¿Quién va a hacer qué, y para cuándo?',
    },
  },
  scale: {
    en: {
      label: 'How safe are things? (0–10)',
      hint: '10 means everyone is sure the child is safe enough to close the case; 0 means the child can’t safely stay at home right now.',
    },
    es: {
      label: '¿Qué tan segura está la situación? (0–10)',
      hint: '10 quiere decir que todos están seguros de que el niño o la niña está lo bastante a salvo para cerrar el caso; 0 quiere decir que no puede quedarse en casa a salvo por ahora.',
    },
  },
  'grey-area': {
    en: {
      label: 'Grey area',
      hint: 'What is unclear, not yet checked, or not agreed: not yet a worry or a strength.',
    },
    es: {
      label: 'Zona gris',
      hint: 'Lo que no está claro, no se ha confirmado o en lo que no todos están de acuerdo: todavía no es una preocupación ni una fortaleza.',
    },
  },
  'house-good-things': {
    en: { label: 'House of good things', hint: 'What the child likes, and what makes them feel good.' },
    es: { label: 'Casa de las cosas buenas', hint: 'Lo que al niño o la niña le gusta y le hace sentir bien.' },
  },
  'house-worries': {
    en: { label: 'House of worries', hint: 'What worries the child, or what they do not like.' },
    es: { label: 'Casa de las preocupaciones', hint: 'Lo que le preocupa al niño o la niña, o lo que no le gusta.' },
  },
  'house-hopes-dreams': {
    en: { label: 'House of hopes and dreams', hint: 'What the child wishes for, and how they would like things to be.' },
    es: { label: 'Casa de los sueños y las esperanzas', hint: 'Lo que el niño o la niña desea, y cómo le gustaría que fueran las cosas.' },
  },
  'safety-house-lives-here': {
    en: { label: 'Who lives here', hint: 'The people who live in the child’s safe house.' },
    es: { label: 'Quién vive aquí', hint: 'Las personas que viven en la casa segura del niño o la niña.' },
  },
  'safety-house-visits': {
    en: { label: 'Who visits', hint: 'The people who come to visit, and when.' },
    es: { label: 'Quién viene de visita', hint: 'Las personas que vienen de visita, y cuándo.' },
  },
  'safety-house-rules': {
    en: { label: 'House rules', hint: 'The rules that keep the child safe in this house.' },
    es: { label: 'Reglas de la casa', hint: 'Las reglas que mantienen al niño o la niña a salvo en esta casa.' },
  },
  'safety-house-outside': {
    en: { label: 'People outside', hint: 'People the child does not feel safe with.' },
    es: { label: 'Personas afuera', hint: 'Las personas con quienes el niño o la niña no se siente a salvo.' },
  },
  'safety-house-path': {
    en: { label: 'Path to the door (0–10)', hint: 'The child marks how safe things feel: at the door means very safe.' },
    es: { label: 'Camino a la puerta (0–10)', hint: 'El niño o la niña marca qué tan a salvo se siente: en la puerta quiere decir muy a salvo.' },
  },
  'circle-family': {
    en: { label: 'The family', hint: 'The child and the people they live with.' },
    es: { label: 'La familia', hint: 'El niño o la niña y las personas con quienes vive.' },
  },
  'circle-close': {
    en: { label: 'Close support', hint: 'People who know about the worries and already help.' },
    es: { label: 'Apoyo cercano', hint: 'Personas que saben de las preocupaciones y ya ayudan.' },
  },
  'circle-wider': {
    en: { label: 'Wider support', hint: 'People who know some of what is happening.' },
    es: { label: 'Más apoyo', hint: 'Personas que saben algo de lo que está pasando.' },
  },
  'circle-outer': {
    en: { label: 'People who could help', hint: 'People who could help but do not know about the worries yet.' },
    es: { label: 'Personas que podrían ayudar', hint: 'Personas que podrían ayudar pero todavía no saben de las preocupaciones.' },
  },
  'safety-plan-rules': {
    en: { label: 'Rules that keep the child safe every day', hint: 'Simple everyday rules that everyone agrees to.' },
    es: { label: 'Reglas que mantienen al niño o la niña a salvo cada día', hint: 'Reglas sencillas de todos los días en las que todos están de acuerdo.' },
  },
  'safety-plan-who': {
    en: { label: 'Who does what', hint: 'The name of the person who makes sure each rule happens.' },
    es: { label: 'Quién hace qué', hint: 'El nombre de la persona que se encarga de que se cumpla cada regla.' },
  },
  'safety-plan-warning-signs': {
    en: { label: 'Warning signs to look out for', hint: 'Signs that things are starting to go wrong.' },
    es: { label: 'Señales de alerta', hint: 'Señales de que las cosas empiezan a ir mal.' },
  },
  'safety-plan-if-broken': {
    en: { label: 'If a rule is broken', hint: 'What each person will do, and who they will call.' },
    es: { label: 'Si no se cumple una regla', hint: 'Lo que hará cada persona, y a quién va a llamar.' },
  },
  'safety-plan-contacts': {
    en: { label: 'Phone numbers and contacts', hint: 'Only the agency’s workers see what is added here, not everyone in the meeting.' },
    es: { label: 'Teléfonos y contactos', hint: 'Lo que se ponga aquí solo lo ve el personal de la agencia, no todos los de la reunión.' },
  },
  'story-title': {
    en: { label: 'The story’s title', hint: 'A name for the story. Write it so the child can understand it.' },
    es: { label: 'El título del cuento', hint: 'Un nombre para el cuento. Escríbalo de manera que el niño o la niña lo pueda entender.' },
  },
  'story-who-is-worried': {
    en: { label: 'Who is worried', hint: 'The people who are worried, by name, like “Grandma Lorna” or “Ana, the social worker”.' },
    es: { label: 'Quién está preocupado', hint: 'Las personas que están preocupadas, por su nombre, como “la abuela Lorna” o “Ana, la trabajadora social”.' },
  },
  'story-worried-about': {
    en: { label: 'What they are worried about', hint: 'What the grown-ups are afraid could happen to the child, in simple words.' },
    es: { label: 'Qué les preocupa', hint: 'Lo que a los adultos les da miedo que le pueda pasar al niño o la niña, en palabras sencillas.' },
  },
  'story-what-happened': {
    en: { label: 'What happened', hint: 'What happened, told simply and truthfully. Write it so the child can understand it.' },
    es: { label: 'Qué pasó', hint: 'Lo que pasó, contado de manera sencilla y verdadera. Escríbalo de manera que el niño o la niña lo pueda entender.' },
  },
  'story-grown-ups-now': {
    en: { label: 'What the grown-ups are doing now', hint: 'What the grown-ups are doing now to keep the child safe.' },
    es: { label: 'Lo que hacen los adultos ahora', hint: 'Lo que los adultos están haciendo ahora para que el niño o la niña esté a salvo.' },
  },
  'ecomap-network': {
    en: { label: 'Who is in the child’s life', hint: 'Put the child in the middle. Add a note for each person or place in the child’s life, and draw a line from the child to each one.' },
    es: { label: 'Quién forma parte de la vida del niño o la niña', hint: 'Ponga al niño o la niña en el centro. Agregue una nota para cada persona o lugar en la vida del niño o la niña, y dibuje una línea del niño o la niña a cada una.' },
  },
  'feedback-helped': {
    en: { label: 'What helped today?', hint: 'Anyone can write here. Short is fine.' },
    es: { label: '¿Qué le ayudó hoy?', hint: 'Cualquier persona puede escribir aquí. Basta con pocas palabras.' },
  },
  'feedback-change': {
    en: { label: 'What would you change next time?', hint: 'Anyone can write here. Short is fine.' },
    es: { label: '¿Qué cambiaría la próxima vez?', hint: 'Cualquier persona puede escribir aquí. Basta con pocas palabras.' },
  },
  'family-tree': {
    en: {
      label: 'Family tree',
      hint: 'Add each person in the family. Draw a line between two people to show how they are related. A square is a man or boy, a circle a woman or girl, a diamond someone whose gender is not given. Someone who has died is shaded grey with lines.',
    },
    es: {
      label: 'Árbol familiar',
      hint: 'Agregue a cada persona de la familia. Dibuje una línea entre dos personas para mostrar cómo están emparentadas. Un cuadrado es un hombre o un niño, un círculo una mujer o una niña, un rombo alguien cuyo género no se indicó. Alguien que falleció aparece sombreado en gris con líneas.',
    },
  },
  'wellbeing-danger': {
    en: { label: 'Worry statements', hint: 'What could happen to the child if nothing changes?' },
    es: { label: 'Declaraciones de preocupación', hint: '¿Qué le podría pasar al niño o la niña si nada cambia?' },
  },
  'wellbeing-goals': {
    en: { label: 'Wellbeing goals', hint: 'What will life look like when the child is doing well?' },
    es: { label: 'Metas de bienestar', hint: '¿Cómo será la vida cuando al niño o la niña le esté yendo bien?' },
  },
  'consultation-danger': {
    en: { label: 'Risk statements', hint: 'What could happen to the child if nothing changes?' },
    es: { label: 'Declaraciones de riesgo', hint: '¿Qué le podría pasar al niño o la niña si nada cambia?' },
  },
  'consultation-strengths': {
    en: { label: 'Strengths and what protects the child', hint: 'What is good about this family, and what helps keep the child safe?' },
    es: { label: 'Fortalezas y lo que protege al niño o la niña', hint: '¿Qué cosas buenas tiene esta familia, y qué ayuda a mantener al niño o la niña a salvo?' },
  },
}

/**
 * The heading of a zone (or a variant's heading, MM-27) in the meeting's language (MM-5, MM-8),
 * the deployment's own words first when `overrides` has them (MM-28).
 *
 * @public
 */
export function zoneLabel(key: LabelKey, locale: Locale, overrides?: LabelOverrides): string {
  return overrides?.[key]?.[locale]?.label ?? ZONE_CATALOGUE[key][locale].label
}

/**
 * One plain-language line telling a family member what belongs in a zone (MM-5).
 *
 * @public
 */
export function zoneHint(key: LabelKey, locale: Locale, overrides?: LabelOverrides): string {
  return overrides?.[key]?.[locale]?.hint ?? ZONE_CATALOGUE[key][locale].hint
}
