/** What went wrong, as the text of the thrown thing: an Error's message, anything else as written. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))
