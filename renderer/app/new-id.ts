/** A new record id. */
export const newId = (): string => crypto.randomUUID()

/** The current instant as ISO text, the way records store time. */
export const nowIso = (): string => new Date().toISOString()
