/**
 * The words typed into the phone's open forms that are the person's alone — a new note, her number
 * and its reasons — by form, in memory only: what the page can still show her when the map is
 * withdrawn from the phone (removed, meeting ended) and the forms go with it. A note's Change form
 * is not here: its words start from the map's.
 *
 *   const typed = createTypedWords()
 *   typed.set('add:harm', 'Kai was alone at the park') // typed.set('add:harm', null) once sent or closed
 *   typed.all() // ['Kai was alone at the park']
 */

/** One page's typed words. */
export interface TypedWords {
  /** What `form` holds now, or `null` when it holds nothing of hers. */
  set(form: string, text: string | null): void
  /** Every form's words. */
  all(): string[]
}

/** An empty set of typed words. */
export function createTypedWords(): TypedWords {
  const byForm = new Map<string, string>()
  return {
    set(form, text) {
      if (text === null) byForm.delete(form)
      else byForm.set(form, text)
    },
    all: () => [...byForm.values()],
  }
}
