import { LabProfile } from '../../../core/model/lab-profile'
import type { LabDb } from '../lab-db'

export type ProfileRepo = ReturnType<typeof createProfileRepo>

export function createProfileRepo(db: LabDb, now: () => Date = () => new Date()) {
  return {
    get: () => db.profile.get('lab'),
    /** Validates and stores the one lab profile. */
    async save(profile: LabProfile): Promise<LabProfile> {
      const valid = LabProfile.parse({ ...profile, updatedAt: now().toISOString() })
      await db.profile.put(valid)
      return valid
    },
  }
}
