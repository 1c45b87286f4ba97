// Checks a long stretch of the audit trail away from the window's thread: the
// entries are read here, straight from IndexedDB, and hashed here, so a lab's
// years of history never stall the screen. It only reads.
import type { AuditEntry, ChainVerdict } from '../../core/audit/audit-entry'
import { createChainCheck } from '../../core/audit/chain-check'
import type { WorkerProtocol } from './protocol'
import { serve } from './serve'

/** Check the entries after `after` up to `head`, continuing from `anchor` (the checkpointed entry), in database `dbName`. */
export type AuditChainRequest = {
  readonly dbName: string
  readonly after: number
  readonly head: number
  readonly anchor: AuditEntry | undefined
}

export type AuditChainResult = { readonly verdict: ChainVerdict; readonly last: AuditEntry | undefined }

export type AuditChainProgress = { readonly checked: number; readonly total: number }

export type AuditChainProtocol = WorkerProtocol<AuditChainRequest, AuditChainResult, AuditChainProgress>

// The audit store as renderer/storage/migrations declares it: 'audit', keyed by 'seq'.
const auditStore = 'audit'
const batchSize = 5_000

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error ?? new Error('IndexedDB refused the read'))
  })

/** Opens the lab's database as it is, never creating or upgrading it: this worker only reads. */
function openExisting(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name)
    open.onupgradeneeded = () => open.transaction?.abort()
    open.onsuccess = () => {
      const db = open.result
      // The window may upgrade the database; let it, and stop here.
      db.onversionchange = () => db.close()
      resolve(db)
    }
    open.onerror = () => reject(open.error ?? new Error(`the database ${name} could not be opened`))
    open.onblocked = () => reject(new Error(`the database ${name} is being upgraded`))
  })
}

serve<AuditChainProtocol>(async ({ dbName, after, head, anchor }, progress) => {
  const db = await openExisting(dbName)
  try {
    const check = createChainCheck(anchor)
    let at = after
    while (at < head) {
      const range = IDBKeyRange.bound(at, head, true, false)
      const batch = (await request(
        db.transaction(auditStore, 'readonly').objectStore(auditStore).getAll(range, batchSize),
      )) as AuditEntry[]
      if (batch.length === 0) break
      if (check.add(batch)) break
      at = batch.at(-1)?.seq ?? head
      progress({ checked: at - after, total: head - after })
    }
    return { verdict: check.finish(), last: check.last() }
  } finally {
    db.close()
  }
})
