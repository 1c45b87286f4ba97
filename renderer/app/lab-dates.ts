import { labDates } from '../../core/text/dates'

/**
 * The dates of every screen, in the locale the window runs in: the one its date
 * fields use too. Picked once, when the app starts.
 */
export const dates = labDates(globalThis.navigator?.language)
