/**
 * The outcome of checking one value a person typed: the normalized value (maybe with a
 * warning worth showing), or a message saying what is wrong and what is expected.
 */
export type Check<T = string> =
  { readonly ok: true; readonly value: T; readonly warning?: string } | { readonly ok: false; readonly message: string }
