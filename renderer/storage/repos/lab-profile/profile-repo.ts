import { LabProfile } from '../../../../core/model/lab-profile'
import type { Outcome } from '../../../../core/outcome'
import { auditChange, changeOf, type AuditContext } from '../../audit-log'
import type { LabDb } from '../../lab-db'
import { attempt, validate } from '../../storage-problems'

/** Where a person of the lab profile appears: someone who appears anywhere is deactivated, never removed. */
export type PersonReferences = {
  /** Whether any audit entry was made by them. */
  readonly inAuditTrail: boolean
  /** How many sessions name them as the tester. */
  readonly sessions: number
}

export type ProfileRepo = {
  /** The one lab profile, or undefined before it is first saved. */
  get(): Promise<LabProfile | undefined>
  /** Validates, stores and audits the one lab profile. */
  save(profile: LabProfile): Promise<Outcome<LabProfile>>
  /** Where the person appears, read by index whatever the size of the trail. */
  referencesTo(personId: string): Promise<PersonReferences>
  /**
   * Calls `listener` with the profile now and after every save of it commits
   * (this repository is the only writer of the profile); returns the unsubscribe.
   */
  watch(listener: (profile: LabProfile | undefined) => void): () => void
}

export function createProfileRepo(db: LabDb, audit: AuditContext): ProfileRepo {
  const listeners = new Set<(profile: LabProfile | undefined) => void>()
  return {
    get: () => db.profile.get('lab'),
    async save(profile) {
      const valid = validate(LabProfile, { ...profile, updatedAt: audit.now().toISOString() })
      if (!valid.ok) return valid
      const value = valid.value
      const saved = await attempt(() =>
        db.transaction('rw', db.profile, db.audit, async () => {
          const before = await db.profile.get('lab')
          await db.profile.put(value)
          await auditChange(db, audit, changeOf('lab-profile', 'lab', value, before, value))
          return value
        }),
      )
      if (saved.ok) for (const listener of listeners) listener(saved.value)
      return saved
    },
    referencesTo: (personId) =>
      db.transaction('r', db.audit, db.sessions, async () => {
        const [entries, sessions] = await Promise.all([
          db.audit.where('actor.id').equals(personId).limit(1).count(),
          db.sessions.where('testerId').equals(personId).count(),
        ])
        return { inAuditTrail: entries > 0, sessions }
      }),
    watch(listener) {
      listeners.add(listener)
      void db.profile.get('lab').then((profile) => {
        if (listeners.has(listener)) listener(profile)
      })
      return () => listeners.delete(listener)
    },
  }
}
