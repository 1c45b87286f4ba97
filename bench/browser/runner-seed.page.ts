// Runs in Chromium at the app's origin, bundled by vite: seeds a running session
// through the app's own repositories (validated and audited, as the app writes it).
import { z } from 'zod'
import { probeImageInBrowser } from '../../renderer/media/image-probe'
import { defaultDbName, LabDb } from '../../renderer/storage/lab-db'
import { createRepositories } from '../../renderer/storage/repositories'
import { valueOf } from '../../test/helpers/outcome'
import { aProduct, aSession, aUnit } from '../../test/helpers/records'
import { benchCaseAt } from './bench-plan-cases'

// As renderer/index.tsx: the CSP forbids eval, so zod must not probe for it.
z.config({ jitless: true })

export type RunnerSeed = {
  readonly sessionId: string
  /** The plan's case IDs in the order the runner lists them. */
  readonly caseIds: readonly string[]
  /** Size of the session's row as JSON (its cases are kept apart): every verdict's transaction reads its state. */
  readonly sessionBytes: number
}

/** Per-call times of repos.results.update (no UI), each on the next case. */
export type RepoUpdateTimes = { readonly ms: readonly number[] }

export type RunnerSeedApi = {
  /** A product, a unit, an imported plan of `caseCount` cases and a running session of it, in database `dbName`. */
  seedRunnerSession(caseCount: number, dbName?: string): Promise<RunnerSeed>
  /** Seeds a session in its own database and times `count` verdicts set through the repository alone. */
  timeRepoUpdates(caseCount: number, count: number, dbName: string): Promise<RepoUpdateTimes>
}

const openRepos = (dbName: string) => {
  const db = new LabDb(dbName)
  return { db, repos: createRepositories(db, { probeImage: probeImageInBrowser }) }
}

async function seed(dbName: string, caseCount: number): Promise<RunnerSeed> {
  const { db, repos } = openRepos(dbName)
  try {
    // Jo tests the session and works at the bench, so verdicts go in without the question another tester gets.
    const people = [{ id: 'jd', name: 'Jo Doe', initials: 'JD', role: 'tester' as const }]
    valueOf(await repos.profile.save({ id: 'lab', name: 'Bench lab', people, updatedAt: new Date().toISOString() }))
    await repos.settings.setWorkingAs('jd')
    const product = valueOf(await repos.products.save(aProduct({ id: crypto.randomUUID() })))
    const unit = valueOf(await repos.units.save(aUnit({ id: crypto.randomUUID(), productId: product.id })))
    const cases = Array.from({ length: caseCount }, (_, i) => benchCaseAt(i))
    const plan = valueOf(
      await repos.plans.importPlan({
        name: 'WWA smart plug, full',
        cases,
        source: { kind: 'typed', fileName: null, sha256: null },
      }),
    )
    const draft = valueOf(
      await repos.sessions.create(
        aSession({
          id: crypto.randomUUID(),
          productId: product.id,
          unitId: unit.id,
          plan: { planId: plan.planId, versionId: plan.id, name: plan.name, version: plan.version, cases: plan.cases },
          createdAt: new Date().toISOString(),
        }),
      ),
    )
    const session = valueOf(await repos.sessions.start(draft.id))
    return {
      sessionId: session.id,
      caseIds: draft.plan.cases.map((c) => c.caseId),
      sessionBytes: JSON.stringify(session).length,
    }
  } finally {
    db.close()
  }
}

const api: RunnerSeedApi = {
  seedRunnerSession: (caseCount, dbName = defaultDbName) => seed(dbName, caseCount),
  async timeRepoUpdates(caseCount, count, dbName) {
    const { sessionId, caseIds } = await seed(dbName, caseCount)
    const { db, repos } = openRepos(dbName)
    try {
      const ms: number[] = []
      for (const caseId of caseIds.slice(0, count)) {
        const start = performance.now()
        await repos.results.update(sessionId, caseId, { verdict: 'passed' })
        ms.push(performance.now() - start)
      }
      return { ms }
    } finally {
      db.close()
    }
  },
}

// The Node side calls this through page.evaluate; a global keeps the bundle free of any loader.
Object.assign(globalThis, { runnerSeed: api })
