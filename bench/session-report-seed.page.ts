// Runs in Chromium at the app's origin, bundled by vite: a running 2,000-case session
// (the runner bench's seed) with every case decided through the app's repositories.
import './browser/runner-seed.page'
import type { Verdict } from '../core/model/result'
import { probeImageInBrowser } from '../renderer/media/image-probe'
import { defaultDbName, LabDb } from '../renderer/storage/lab-db'
import { createRepositories } from '../renderer/storage/repositories'

export type SessionReportSeedApi = {
  /** Decides every case: verdicts in turn, a note on every third (some that look like formulas), stored and audited. */
  decideAll(sessionId: string, caseIds: readonly string[]): Promise<number>
}

const verdictCycle: readonly Verdict[] = ['passed', 'passed', 'passed', 'failed', 'blocked', 'not-applicable', 'retest']

const api: SessionReportSeedApi = {
  async decideAll(sessionId, caseIds) {
    const db = new LabDb(defaultDbName)
    const repos = createRepositories(db, { probeImage: probeImageInBrowser })
    try {
      let stored = 0
      for (let start = 0; start < caseIds.length; start += 250) {
        const changes = caseIds.slice(start, start + 250).map((caseId, j) => {
          const i = start + j
          const notes =
            i % 3 !== 0 ? '' : i % 9 === 0 ? '=HYPERLINK("http://x","y")' : 'LED stays red for 3 s; retried twice.'
          return { caseId, change: { verdict: verdictCycle[i % verdictCycle.length] ?? 'passed', notes } }
        })
        const saved = await repos.results.updateMany(sessionId, changes)
        if (!saved.ok) throw new Error(`The repository refused results: ${saved.problem.message}`)
        stored += saved.value.length
      }
      return stored
    } finally {
      db.close()
    }
  },
}

;(window as unknown as { sessionReportSeed: SessionReportSeedApi }).sessionReportSeed = api
