/**
 * Owns the canvas-side state the toolkit's shapes and controls share on one device: the meeting
 * language (card sentences and labels), whether names are shown (off for a projector), and
 * which builder dialog is asked for (a double-click on a card asks for its editor). Session
 * state only: nothing here enters the shared doc.
 *
 *   const toolkit = createToolkitState(boardLocale)
 *   toolkit.editRequest.set({ kind: 'danger', id: shape.id })
 */
import type { Locale } from '@safetymap/map-model'
import { atom, type Atom, type Signal } from 'tldraw'
import { NO_EARLIER, type EarlierLookup } from '../../ratings/earlierRatings.ts'

/** The builder dialogs. */
export type BuilderKind = 'note' | 'danger' | 'goal' | 'next-step' | 'mark' | 'ends'

/** A request to open a builder: a new card (no `id`) or an existing card's editor. */
export interface BuilderRequest {
  readonly kind: BuilderKind
  readonly id?: string
  /** For `mark` and `ends`: the scale to start on. */
  readonly scaleId?: string
}

/** Shared toolkit state of one canvas. */
export interface ToolkitState {
  readonly boardLocale: Signal<Locale>
  /** Show who added each note and card (on by default; off for a projector). */
  readonly showAuthors: Atom<boolean>
  readonly editRequest: Atom<BuilderRequest | null>
  /** Scales private until revealed (map-model MM-22): their marks stay put, since the relay refuses writing them. */
  readonly privateScales: Atom<readonly string[]>
  /** Each person's numbers when the map was last finished, shown beside their mark ("Last time: 4"). */
  readonly earlierRatings: Atom<EarlierLookup>
}

/** Fresh toolkit state for a canvas whose map is in `boardLocale`. */
export function createToolkitState(boardLocale: Signal<Locale>): ToolkitState {
  return {
    boardLocale,
    showAuthors: atom('toolkit show authors', true),
    editRequest: atom<BuilderRequest | null>('toolkit builder request', null),
    privateScales: atom<readonly string[]>('toolkit private scales', []),
    earlierRatings: atom<EarlierLookup>('toolkit earlier ratings', NO_EARLIER),
  }
}
