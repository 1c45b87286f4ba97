import type { EntityTable, IDType } from 'dexie'
import type { z } from 'zod'

type Timestamped = { readonly id: string; readonly createdAt: string; readonly updatedAt: string }

/** The operations every identity record shares: read, list, validated save, remove. */
export type RecordRepo<T extends Timestamped> = {
  get(id: string): Promise<T | undefined>
  list(): Promise<T[]>
  /** Validates with the model's schema (throws a ZodError, saving nothing, when invalid) and stores it. */
  save(record: T): Promise<T>
  remove(id: string): Promise<void>
}

export function createRecordRepo<T extends Timestamped>(
  table: EntityTable<T, 'id'>,
  schema: z.ZodType<T>,
  now: () => Date = () => new Date(),
): RecordRepo<T> {
  const key = (id: string) => id as IDType<T, 'id'>
  return {
    get: (id) => table.get(key(id)),
    list: () => table.orderBy('updatedAt').reverse().toArray(),
    async save(record) {
      const valid = schema.parse({ ...record, updatedAt: now().toISOString() })
      await table.put(valid)
      return valid
    },
    remove: (id) => table.delete(key(id)),
  }
}
