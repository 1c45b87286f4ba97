// Runs in Chromium at the app's origin, bundled by vite: stores a large plan through the
// app's own repositories (validated and audited, as an import writes it).
import { z } from 'zod'
import type { TestCase } from '../../core/model/test-plan'
import { probeImageInBrowser } from '../../renderer/media/image-probe'
import { defaultDbName, LabDb } from '../../renderer/storage/lab-db'
import { createRepositories } from '../../renderer/storage/repositories'
import { valueOf } from '../../test/helpers/outcome'
import { benchCaseAt } from './bench-plan-cases'

// As renderer/index.tsx: the CSP forbids eval, so zod must not probe for it.
z.config({ jitless: true })

export type PlanSeed = { readonly versionId: string; readonly caseCount: number; readonly planBytes: number }
export type PlanSeedApi = { seedPlan(caseCount: number): Promise<PlanSeed> }

// A kept column too, as imported workbooks have.
const caseAt = (i: number): TestCase => ({
  ...benchCaseAt(i),
  extra: [{ column: 'Priority', value: i % 3 === 0 ? 'High' : 'Medium' }],
})

const api: PlanSeedApi = {
  async seedPlan(caseCount) {
    const db = new LabDb(defaultDbName)
    try {
      const repos = createRepositories(db, { probeImage: probeImageInBrowser })
      const plan = valueOf(
        await repos.plans.importPlan({
          name: 'WWA smart plug, full',
          cases: Array.from({ length: caseCount }, (_, i) => caseAt(i)),
          source: { kind: 'xlsx', fileName: 'full plan.xlsx', sha256: null },
        }),
      )
      return { versionId: plan.id, caseCount: plan.cases.length, planBytes: JSON.stringify(plan).length }
    } finally {
      db.close()
    }
  },
}

// The Node side calls this through page.evaluate; a global keeps the bundle free of any loader.
Object.assign(globalThis, { planSeed: api })
