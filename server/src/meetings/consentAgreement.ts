/**
 * The confidentiality agreement every joiner accepts before seeing any meeting content, kept as
 * versioned data. Changing the text means a new `version`: joiners then accept the new one, and
 * the participants table records which version each person accepted.
 *
 *   if (body.consentVersion !== CONSENT_AGREEMENT.version) throw new ConsentRequired()
 */

/** One version of the agreement, in every language the product speaks. */
export interface ConsentAgreement {
  readonly version: string
  readonly text: { readonly en: string; readonly es: string }
}

/** The agreement joiners accept now. */
export const CONSENT_AGREEMENT: ConsentAgreement = Object.freeze({
  version: '2026-11-1',
  text: Object.freeze({
    en: [
      'This meeting is about keeping a child safe. What people say and write here is private.',
      'By joining, you agree to:',
      '• use what you hear and see only to help plan for this child and family;',
      '• not tell others outside this meeting what was said, and not share the map;',
      '• not record, photograph or screenshot the meeting or the map;',
      '• join from a place where others cannot see or hear, or tell the facilitator if that is not possible.',
      'The agency keeps the finished map in the case file. You can leave the meeting at any time, and',
      'this agreement ends for you when you leave the team. Ask the facilitator if anything is unclear.',
    ].join('\n'),
    es: [
      'Esta reunión trata de mantener a un niño o una niña a salvo. Lo que se dice y se escribe aquí es privado.',
      'Al unirse, usted acepta:',
      '• usar lo que oye y ve solo para ayudar a planificar para este niño o niña y su familia;',
      '• no contar a otras personas fuera de esta reunión lo que se dijo, y no compartir el mapa;',
      '• no grabar, fotografiar ni hacer capturas de pantalla de la reunión o del mapa;',
      '• unirse desde un lugar donde otras personas no puedan ver ni oír, o avisar a quien facilita si no es posible.',
      'La agencia guarda el mapa terminado en el expediente. Puede salir de la reunión cuando quiera, y',
      'este acuerdo termina para usted cuando deja el equipo. Pregunte a quien facilita si algo no está claro.',
    ].join('\n'),
  }),
})
