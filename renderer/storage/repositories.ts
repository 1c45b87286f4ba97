import type { ImageProbe } from '../media/image-probe'
import { createActorStore, type ActorStore } from './actor-store'
import type { AuditContext } from './audit-log'
import type { LabDb } from './lab-db'
import { createDraftsRepo } from './repos/drafts-repo'
import { createFilesRepo } from './repos/files-repo'
import { createHubsRepo } from './repos/hubs-repo'
import { createPlansRepo } from './repos/plans-repo'
import { createProductsRepo } from './repos/products-repo'
import { createProfileRepo } from './repos/profile-repo'
import { createResultsRepo } from './repos/results-repo'
import { createSessionsRepo } from './repos/sessions-repo'
import { createSettingsRepo } from './repos/settings-repo'
import { createSkillsRepo } from './repos/skills-repo'
import { createUnitsRepo } from './repos/units-repo'
import { createAuditRepo } from './repos/audit-repo'
import { createResultJournal } from './result-journal'

export type Repositories = ReturnType<typeof createRepositories>

/** Every repository over one database: the only code that queries its tables. */
export function createRepositories(
  db: LabDb,
  deps: {
    readonly probeImage: ImageProbe
    readonly actors?: ActorStore
    readonly now?: () => Date
    /** Where the result journal is kept; the page's localStorage unless a test gives another. */
    readonly journalStorage?: Storage
  },
) {
  const actors = deps.actors ?? createActorStore()
  const audit: AuditContext = { actor: actors.current, now: deps.now ?? (() => new Date()) }
  const journal = createResultJournal(deps.journalStorage ?? globalThis.localStorage)
  return {
    actors,
    profile: createProfileRepo(db, audit),
    products: createProductsRepo(db, audit),
    hubs: createHubsRepo(db, audit),
    skills: createSkillsRepo(db, audit),
    units: createUnitsRepo(db, audit),
    files: createFilesRepo(db, deps),
    drafts: createDraftsRepo(db),
    plans: createPlansRepo(db, audit),
    sessions: createSessionsRepo(db, audit),
    results: createResultsRepo(db, audit, journal),
    audit: createAuditRepo(db),
    settings: createSettingsRepo(db),
  }
}
