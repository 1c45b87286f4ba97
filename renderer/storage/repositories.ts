import type { ImageProbe } from '../media/image-probe'
import type { LabDb } from './lab-db'
import { createDraftsRepo } from './repos/drafts-repo'
import { createFilesRepo } from './repos/files-repo'
import { createHubsRepo } from './repos/hubs-repo'
import { createProductsRepo } from './repos/products-repo'
import { createProfileRepo } from './repos/profile-repo'
import { createSkillsRepo } from './repos/skills-repo'
import { createUnitsRepo } from './repos/units-repo'

export type Repositories = ReturnType<typeof createRepositories>

/** Every repository over one database: the only code that queries its tables. */
export function createRepositories(db: LabDb, deps: { readonly probeImage: ImageProbe }) {
  return {
    profile: createProfileRepo(db),
    products: createProductsRepo(db),
    hubs: createHubsRepo(db),
    skills: createSkillsRepo(db),
    units: createUnitsRepo(db),
    files: createFilesRepo(db, deps),
    drafts: createDraftsRepo(db),
  }
}
