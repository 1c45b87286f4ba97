import { LabProfile } from '../../../core/model/lab-profile'
import { auditChange, type AuditContext } from '../audit-log'
import type { LabDb } from '../lab-db'

export type ProfileRepo = ReturnType<typeof createProfileRepo>

export function createProfileRepo(db: LabDb, audit: AuditContext) {
  return {
    get: () => db.profile.get('lab'),
    /** Validates, stores and audits the one lab profile. */
    async save(profile: LabProfile): Promise<LabProfile> {
      const valid = LabProfile.parse({ ...profile, updatedAt: audit.now().toISOString() })
      await db.transaction('rw', db.profile, db.audit, async () => {
        const before = await db.profile.get('lab')
        await db.profile.put(valid)
        await auditChange(db, audit, { kind: 'lab-profile', id: 'lab', label: valid.name }, before, valid)
      })
      return valid
    },
  }
}
