// The lab the backup bench seeds, shared by the page that writes it and the Node side that plans and checks it.

/** Records per product: the product, its units, one session on the first unit, and that session's results. */
export const unitsPerProduct = 2
export const casesPerSession = 36
export const recordsPerProduct = 1 + unitsPerProduct + 1 + casesPerSession

/** One photo to store: its seed and its size in bytes. */
export type PhotoSpec = { readonly index: number; readonly size: number }
