import type { Transaction } from 'dexie'

/** One released database version: the stores it declares and, for a data change, how old rows become new ones. */
export type Migration = {
  readonly version: number
  readonly stores: Readonly<Record<string, string | null>>
  readonly upgrade?: (tx: Transaction) => Promise<void>
}
