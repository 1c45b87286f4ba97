import type { ImageProbe } from '../media/image-probe'
import type { Actor, AuditContext } from './audit-log'
import type { LabDb } from './lab-db'
import { createAuditRepo, type AuditRepo } from './repos/audit/audit-repo'
import { createDraftsRepo, type DraftsRepo } from './repos/drafts/drafts-repo'
import { createFilesRepo, type FilesRepo } from './repos/files/files-repo'
import { createHubsRepo, type HubsRepo } from './repos/hubs/hubs-repo'
import { createProfileRepo, type ProfileRepo } from './repos/lab-profile/profile-repo'
import { createListingsRepo, type ListingsRepo } from './repos/listings/listings-repo'
import { createPlansRepo, type PlansRepo } from './repos/plans/plans-repo'
import { createProductsRepo, type ProductsRepo } from './repos/products/products-repo'
import { createReviewsRepo, type ReviewsRepo } from './repos/reviews/reviews-repo'
import { createResultsRepo, type ResultsRepo } from './repos/sessions/results-repo'
import { createSessionsRepo, type SessionsRepo } from './repos/sessions/sessions-repo'
import { createSettingsRepo, type SettingsRepo } from './repos/settings/settings-repo'
import { createSkillsRepo, type SkillsRepo } from './repos/skills/skills-repo'
import { createUnitsRepo, type UnitsRepo } from './repos/units/units-repo'
import type { JournalStorage } from './journal-mirror'
import { createResultJournal } from './result-journal'
import { createWriteCounter, type WriteCounter } from './write-counter'

/** Every repository over one database: the only code that queries its tables. */
export type Repositories = {
  readonly profile: ProfileRepo
  readonly products: ProductsRepo
  readonly hubs: HubsRepo
  readonly skills: SkillsRepo
  readonly units: UnitsRepo
  readonly files: FilesRepo
  readonly drafts: DraftsRepo
  readonly plans: PlansRepo
  readonly sessions: SessionsRepo
  readonly results: ResultsRepo
  readonly listings: ListingsRepo
  readonly reviews: ReviewsRepo
  readonly audit: AuditRepo
  readonly settings: SettingsRepo
  /** Writes committed to each table: a view that keeps what it read between opens checks them. */
  readonly writes: WriteCounter
}

/** Whoever works at the bench when no person of the lab profile is chosen. */
export const workstationActor: Actor = { id: 'workstation', name: 'This workstation' }

export type RepositoryDeps = {
  readonly probeImage: ImageProbe
  /** Who is making changes now, read inside each audited write; the workstation unless given. */
  readonly actor?: () => Actor
  readonly now?: () => Date
  /** Where the journal of results and drafts on their way to the database is kept; the page's localStorage unless given. */
  readonly journalStorage?: JournalStorage
  /** Called after every audited write commits (main's ledger follows the database). */
  readonly committed?: () => void
}

/** Assembles the repositories; each is built and typed in its own folder under repos/. */
export function createRepositories(db: LabDb, deps: RepositoryDeps): Repositories {
  const now = deps.now ?? (() => new Date())
  const audit: AuditContext = { actor: deps.actor ?? (() => workstationActor), now, committed: deps.committed }
  const journalStorage = deps.journalStorage ?? globalThis.localStorage
  const journal = createResultJournal(journalStorage)
  return {
    profile: createProfileRepo(db, audit),
    products: createProductsRepo(db, audit),
    hubs: createHubsRepo(db, audit),
    skills: createSkillsRepo(db, audit),
    units: createUnitsRepo(db, audit),
    files: createFilesRepo(db, deps),
    drafts: createDraftsRepo(db, now, journalStorage),
    plans: createPlansRepo(db, audit),
    sessions: createSessionsRepo(db, audit),
    results: createResultsRepo(db, audit, journal),
    listings: createListingsRepo(db, audit),
    reviews: createReviewsRepo(db, audit),
    audit: createAuditRepo(db, now),
    settings: createSettingsRepo(db),
    writes: createWriteCounter(db.name),
  }
}
