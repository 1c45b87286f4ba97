import type { AuditEntry, ChainVerdict } from '../../../core/audit/audit-entry'
import { verifyAuditUpTo } from '../audit-log'
import type { LabDb } from '../lab-db'

export type AuditRepo = ReturnType<typeof createAuditRepo>

/** An audit view: the entries about some records, and whether the chain up to them is intact. */
export type AuditView = { readonly entries: readonly AuditEntry[]; readonly verdict: ChainVerdict }

export function createAuditRepo(db: LabDb) {
  /** Entries about these entities, in chain order. Results are found by their session: "result" ids start with "<sessionId>/". */
  const about = async (entities: readonly { readonly kind: string; readonly id: string }[]): Promise<AuditEntry[]> => {
    const found = new Map<number, AuditEntry>()
    for (const { kind, id } of entities) {
      for (const entry of await db.audit.where('[entity.kind+entity.id]').equals([kind, id]).toArray()) found.set(entry.seq, entry)
      if (kind === 'session') {
        const results = await db.audit.where('[entity.kind+entity.id]').between(['result', `${id}/`], ['result', `${id}/\uffff`]).toArray()
        for (const entry of results) found.set(entry.seq, entry)
      }
    }
    return [...found.values()].sort((a, b) => a.seq - b.seq)
  }

  return {
    about,
    /** The entries about these entities and the verdict on the whole chain up to the last of them. */
    async view(entities: readonly { readonly kind: string; readonly id: string }[]): Promise<AuditView> {
      const entries = await about(entities)
      const last = await db.audit.orderBy('seq').last()
      const verdict = await verifyAuditUpTo(db, last?.seq ?? 0)
      return { entries, verdict }
    },
  }
}
