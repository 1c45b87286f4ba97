import { LabProfile } from '../../../../core/model/lab-profile'
import type { Outcome } from '../../../../core/outcome'
import { auditChange, changeOf, type AuditContext } from '../../audit-log'
import type { LabDb } from '../../lab-db'
import { attempt, validate } from '../../storage-problems'

export type ProfileRepo = {
  /** The one lab profile, or undefined before it is first saved. */
  get(): Promise<LabProfile | undefined>
  /** Validates, stores and audits the one lab profile. */
  save(profile: LabProfile): Promise<Outcome<LabProfile>>
}

export function createProfileRepo(db: LabDb, audit: AuditContext): ProfileRepo {
  return {
    get: () => db.profile.get('lab'),
    async save(profile) {
      const valid = validate(LabProfile, { ...profile, updatedAt: audit.now().toISOString() })
      if (!valid.ok) return valid
      const value = valid.value
      return attempt(() =>
        db.transaction('rw', db.profile, db.audit, async () => {
          const before = await db.profile.get('lab')
          await db.profile.put(value)
          await auditChange(db, audit, changeOf('lab-profile', 'lab', value, before, value))
          return value
        }),
      )
    },
  }
}
