/** Hidden-until-reveal ratings: the SQLite store and the HTTP routes (map-model MM-22 … MM-24). */
export { createRatingStore, type HiddenRating, type RatingStore } from './RatingStore.ts'
export { ratingRoutes, type RatingRoutesOptions } from './ratingRoutes.ts'
