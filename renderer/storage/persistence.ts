/** Whether the browser promised not to evict the lab's data under storage pressure. */
export type PersistenceAnswer = 'persisted' | 'not-persisted' | 'unsupported'

/** Asks once at start for persistent storage and reports the answer (Settings shows it). */
export async function requestPersistentStorage(storage: StorageManager | undefined): Promise<PersistenceAnswer> {
  if (!storage?.persist) return 'unsupported'
  try {
    if (await storage.persisted()) return 'persisted'
    return (await storage.persist()) ? 'persisted' : 'not-persisted'
  } catch {
    return 'not-persisted'
  }
}
