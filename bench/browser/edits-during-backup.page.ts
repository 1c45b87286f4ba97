import { z } from 'zod'
import type { LabBridge } from '../../core/bridge/contract'
import { beginBackupSink } from '../../renderer/storage/backup/backup-sink'
import { writeBackup } from '../../renderer/storage/backup/write-backup'
import { defaultDbName, LabDb, type ResultRow } from '../../renderer/storage/lab-db'

// As renderer/index.tsx: the CSP forbids eval, so zod must not probe for it.
z.config({ jitless: true })

export type EditsDuringBackup = {
  /** How long the backup took, begin → committed, and each edit made every 100 ms while it ran. */
  readonly ms: number
  readonly edits: readonly number[]
  readonly manifestCounts: Readonly<Record<string, number>>
}

export type EditsDuringBackupApi = {
  /** Puts `results` verdict rows and as many audit entries, a batch per transaction. */
  seed(results: number): Promise<void>
  /** The same edit with nothing else running, `count` times. */
  idleEdits(count: number): Promise<number[]>
  /** A daily backup into main's folder while a tester edits a verdict every 100 ms; `watch` false reads it in one transaction. */
  backUp(watch: boolean): Promise<EditsDuringBackup>
}

const lab = (globalThis as unknown as { readonly lab: LabBridge }).lab
const db = new LabDb(defaultDbName)
const sessions = 500
const editEveryMs = 100
let seeded = 0
let edited = 0

const resultRow = (i: number, verdict: string): ResultRow =>
  ({
    sessionId: `session-${String(i % sessions).padStart(4, '0')}`,
    caseId: `case-${String(Math.floor(i / sessions)).padStart(6, '0')}`,
    planId: 'plan-1',
    verdict,
    note: i % 7 === 0 ? 'Paired on the second try; the hub showed the device after 40 s.' : '',
    recordedAt: '2026-05-04T10:20:30.000Z',
    recordedBy: 'person-1',
  }) as unknown as ResultRow

/** One verdict changed, as the runner's save does it: one small strict write. */
async function timedEdit(): Promise<number> {
  edited += 1
  const start = performance.now()
  await db.results.put(resultRow((edited * 7919) % Math.max(1, seeded), edited % 2 === 0 ? 'passed' : 'failed'))
  return performance.now() - start
}

const pause = () => new Promise((resolve) => setTimeout(resolve, editEveryMs))

const api: EditsDuringBackupApi = {
  async seed(results) {
    const batch = 5_000
    for (let at = 0; at < results; at += batch) {
      const count = Math.min(batch, results - at)
      const rows = Array.from({ length: count }, (_, i) => resultRow(at + i, 'untested'))
      const entries = rows.map((_, i) => ({
        seq: at + i + 1,
        at: '2026-05-04T10:20:30.000Z',
        actor: { id: 'person-1', name: 'Tester One' },
        entity: { kind: 'result', id: `${at + i}` },
        action: 'updated',
        hash: 'a'.repeat(64),
        previousHash: 'b'.repeat(64),
        subjects: [`session:session-${(at + i) % sessions}`],
      }))
      await db.transaction('rw', db.results, db.audit, async () => {
        await db.results.bulkPut(rows)
        await db.audit.bulkPut(entries as never)
      })
    }
    seeded = results
  },

  async idleEdits(count) {
    const times: number[] = []
    for (let i = 0; i < count; i += 1) {
      times.push(await timedEdit())
      await pause()
    }
    return times
  },

  async backUp(watch) {
    const createdAt = new Date()
    const start = performance.now()
    const sink = await beginBackupSink(lab, { target: 'folder', reason: 'daily' }, createdAt.toISOString())
    if (sink === null) throw new Error('Main cancelled an automatic backup, which has no dialog to close.')
    let running = true
    const backup = writeBackup(db, sink, { reason: 'daily', createdAt, ...(watch ? { changes: db.changes } : {}) })
    void backup.finally(() => (running = false))
    const edits: number[] = []
    while (running) {
      edits.push(await timedEdit())
      await pause()
    }
    const written = await backup
    const ms = performance.now() - start
    if (!written.ok) throw new Error(written.problem.message)
    return { ms, edits, manifestCounts: written.value.manifest.counts }
  },
}

// The Node side calls this through page.evaluate; a global keeps the bundle free of any loader.
Object.assign(globalThis, { editsDuringBackup: api })
