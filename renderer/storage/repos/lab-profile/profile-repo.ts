import { LabProfile } from '../../../../core/model/lab-profile'
import { refused, type Outcome } from '../../../../core/outcome'
import { ComparisonSettings, defaultComparisonSettings } from '../../../../core/rules/comparison/settings'
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
  /** The lab's listing comparison thresholds: the defaults until someone changes them. */
  comparisonSettings(): Promise<ComparisonSettings>
  /**
   * Stores the lab's thresholds in the profile, audited like any change to it; null returns to the defaults.
   * Refused, storing nothing, before the profile exists or with a threshold out of its range.
   */
  setComparisonSettings(settings: ComparisonSettings | null): Promise<Outcome<ComparisonSettings>>
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
  const store = async (change: (before: LabProfile | undefined) => LabProfile | Outcome<never>) => {
    const saved = await attempt(() =>
      db.transaction('rw', db.profile, db.audit, async () => {
        const before = await db.profile.get('lab')
        const changed = change(before)
        if ('ok' in changed) return changed
        const valid = validate(LabProfile, { ...changed, updatedAt: audit.now().toISOString() })
        if (!valid.ok) return valid
        await db.profile.put(valid.value)
        await auditChange(db, audit, changeOf('lab-profile', 'lab', valid.value, before, valid.value))
        return { ok: true as const, value: valid.value }
      }),
    )
    const outcome: Outcome<LabProfile> = saved.ok ? saved.value : saved
    if (outcome.ok) for (const listener of listeners) listener(outcome.value)
    return outcome
  }
  return {
    get: () => db.profile.get('lab'),
    save: (profile) => store(() => profile),
    comparisonSettings: async () => (await db.profile.get('lab'))?.comparison ?? defaultComparisonSettings,
    async setComparisonSettings(settings) {
      const checked = settings === null ? null : validate(ComparisonSettings, settings)
      if (checked !== null && !checked.ok) return checked
      const saved = await store((before) => {
        if (before === undefined)
          return refused(
            'not-found',
            'Set up the lab profile first (its name and people): the thresholds are kept in it.',
          )
        const { comparison: _old, ...rest } = before
        return checked === null ? rest : { ...rest, comparison: checked.value }
      })
      return saved.ok ? { ok: true, value: saved.value.comparison ?? defaultComparisonSettings } : saved
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
