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
import type { Locale, ZoneKey } from './zoneKeys.ts'

/** Heading and hint of one zone in one language. */
interface ZoneWords {
  readonly label: string
  readonly hint: string
}

// Typed as a complete Record so a new key or locale fails to compile until it has words.
const ZONE_CATALOGUE: Readonly<Record<ZoneKey, Readonly<Record<Locale, ZoneWords>>>> = {
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
      hint: 'Mark a number: 10 means everyone is sure the child is safe enough to close the case, 0 means the child can’t safely stay at home right now.',
    },
    es: {
      label: '¿Qué tan segura está la situación? (0–10)',
      hint: 'Marque un número: 10 quiere decir que todos están seguros de que el niño o la niña está lo bastante a salvo para cerrar el caso; 0 quiere decir que no puede quedarse en casa a salvo por ahora.',
    },
  },
}

/**
 * The heading of a zone in the meeting's language (MM-5, MM-8).
 *
 * @public
 */
export function zoneLabel(key: ZoneKey, locale: Locale): string {
  return ZONE_CATALOGUE[key][locale].label
}

/**
 * One plain-language line telling a family member what belongs in a zone (MM-5).
 *
 * @public
 */
export function zoneHint(key: ZoneKey, locale: Locale): string {
  return ZONE_CATALOGUE[key][locale].hint
}
