import type { AuditEntry, ChainVerdict } from '../../../../core/audit/audit-entry'
import {
  checkEach,
  checkRecordedHead,
  combineVerdicts,
  createChainCheck,
  type Checkpoint,
  type RecordedHead,
} from '../../../../core/audit/chain-check'
import type { NameRef } from '../../../../core/audit/read-change'
import type { EntityRef } from '../../../../core/model/entity'
import { subjectKey } from '../../audit-subjects'
import type { LabDb } from '../../lab-db'
import { namesFor } from './audit-names'

/** The newest entries about a record and everything that belongs to it, in chain order, and how many there are in all. */
export type AuditPage = { readonly entries: readonly AuditEntry[]; readonly total: number }

/** A page with the verdict on the chain behind it. */
export type AuditView = AuditPage & { readonly verdict: ChainVerdict }

/** Where the incremental check stands: the head of the trail, and the checkpoint the last whole check left. */
export type TrailState = {
  readonly head: AuditEntry | undefined
  readonly checkpoint: Checkpoint | undefined
  /** The checkpointed entry as stored now (undefined when there is no checkpoint, or the entry is gone). */
  readonly anchor: AuditEntry | undefined
}

/** The outcome of checking the entries added since the checkpoint. */
export type SinceCheck =
  | { readonly state: 'checked'; readonly verdict: ChainVerdict }
  /** Too many to check on the window's thread: check them in batches elsewhere (a worker), from `after`. */
  | { readonly state: 'long'; readonly after: number; readonly head: number }

export type AuditRepo = {
  /** The newest entries about a record and what belongs to it (a product's units, sessions and results), in chain order. */
  newest(subject: EntityRef, options: { readonly limit: number; readonly offset?: number }): Promise<AuditEntry[]>
  /** How many entries there are about a record and what belongs to it: a walk of the index, so screens ask it after showing the newest. */
  count(subject: EntityRef): Promise<number>
  /**
   * A page and the verdict on it, checked on this thread: every entry on the page,
   * and the whole trail since the checkpoint however long. For packets and tests;
   * the audit view checks long trails in the background instead.
   */
  view(subject: EntityRef, options: { readonly limit: number }): Promise<AuditView>
  /** Checks shown entries one by one against the entry before each, whatever their age. */
  checkShown(entries: readonly AuditEntry[]): Promise<ChainVerdict>
  /** The head, the checkpoint and its entry. */
  state(): Promise<TrailState>
  /** Checks the entries since the checkpoint when there are at most `maxEntries`; an intact check moves the checkpoint to the head. */
  checkSince(maxEntries: number): Promise<SinceCheck>
  /** Entries after `seq`, in order, at most `limit`: the batches a long check reads. */
  entriesAfter(seq: number, limit: number): Promise<AuditEntry[]>
  /** Records that entries 1 to `entry.seq` verified. */
  saveCheckpoint(entry: AuditEntry, at: Date): Promise<void>
  /** The names of what entries point to (hubs, skills, units, people, photos…), by nameKey: one batch per page shown. */
  names(refs: readonly NameRef[]): Promise<Map<string, string>>
  /** Whether the trail still reaches the head main's ledger recorded: its newest entries removed, or another trail, is not intact. */
  checkRecordedHead(recorded: RecordedHead): Promise<ChainVerdict>
}

const checkpointKey = 'auditCheckpoint'

const isCheckpoint = (value: unknown): value is Checkpoint =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Checkpoint).seq === 'number' &&
  typeof (value as Checkpoint).hash === 'string'

export function createAuditRepo(db: LabDb, now: () => Date = () => new Date()): AuditRepo {
  const entriesAfter = (seq: number, limit: number) => db.audit.where('seq').above(seq).limit(limit).toArray()
  const saveCheckpoint = async (entry: AuditEntry, at: Date) => {
    const checkpoint: Checkpoint = { seq: entry.seq, hash: entry.hash, at: at.toISOString() }
    await db.settings.put({ key: checkpointKey, value: checkpoint })
  }

  const state = async (): Promise<TrailState> => {
    const [head, row] = await Promise.all([db.audit.orderBy('seq').last(), db.settings.get(checkpointKey)])
    const checkpoint = isCheckpoint(row?.value) ? row.value : undefined
    const anchor = checkpoint ? await db.audit.get(checkpoint.seq) : undefined
    return { head, checkpoint, anchor }
  }

  const repo: AuditRepo = {
    async view(subject, { limit }) {
      const [entries, total] = await Promise.all([repo.newest(subject, { limit }), repo.count(subject)])
      const [shown, since] = await Promise.all([repo.checkShown(entries), repo.checkSince(Number.POSITIVE_INFINITY)])
      // With no limit on the entries since the checkpoint, the check is never "long".
      return { entries, total, verdict: since.state === 'checked' ? combineVerdicts(shown, since.verdict) : shown }
    },
    newest: async (subject, { limit, offset = 0 }) =>
      (
        await db.audit.where('subjects').equals(subjectKey(subject)).reverse().offset(offset).limit(limit).toArray()
      ).reverse(),
    count: (subject) => db.audit.where('subjects').equals(subjectKey(subject)).count(),
    async checkShown(entries) {
      const wanted = [...new Set(entries.map((e) => e.seq - 1).filter((seq) => seq >= 1))]
      const found = await db.audit.bulkGet(wanted)
      const bySeq = new Map<number, AuditEntry>()
      for (const entry of [...entries, ...found]) if (entry) bySeq.set(entry.seq, entry)
      return checkEach(entries, (seq) => bySeq.get(seq))
    },
    state,
    async checkSince(maxEntries) {
      const { head, checkpoint, anchor } = await state()
      if (checkpoint && (!anchor || anchor.hash !== checkpoint.hash)) {
        return {
          state: 'checked',
          verdict: {
            intact: false,
            firstBad: checkpoint.seq,
            reason: anchor
              ? `Entry ${checkpoint.seq} was changed after the trail was last checked: its hash is not the one recorded then.`
              : `Entry ${checkpoint.seq} is missing: the trail was last checked up to it.`,
          },
        }
      }
      const after = checkpoint?.seq ?? 0
      const headSeq = head?.seq ?? 0
      if (headSeq - after > maxEntries) return { state: 'long', after, head: headSeq }
      const check = createChainCheck(anchor)
      check.add(await entriesAfter(after, headSeq - after))
      const verdict = check.finish()
      const last = check.last()
      if (verdict.intact && last && last.seq !== checkpoint?.seq) await saveCheckpoint(last, now())
      return { state: 'checked', verdict }
    },
    entriesAfter,
    saveCheckpoint,
    names: (refs) => namesFor(db, refs),
    async checkRecordedHead(recorded) {
      const [head, atRecorded] = await Promise.all([db.audit.orderBy('seq').last(), db.audit.get(recorded.seq)])
      return checkRecordedHead(recorded, head, atRecorded) ?? { intact: true, count: head?.seq ?? 0 }
    },
  }
  return repo
}
