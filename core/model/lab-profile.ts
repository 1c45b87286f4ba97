import { z } from 'zod'
import { ComparisonSettings } from '../rules/comparison/settings'
import { Id, Instant, requiredText } from './fields'

export const roles = ['tester', 'reviewer', 'manager'] as const
export const Role = z.enum(roles, { message: 'Choose a role: tester, reviewer or manager.' })
export type Role = z.infer<typeof Role>

export const roleLabels: Readonly<Record<Role, string>> = {
  tester: 'Lab tester',
  reviewer: 'Reviewer',
  manager: 'Lab manager',
}

export const Person = z.object({
  id: Id,
  name: requiredText('Name', 120),
  initials: z
    .string()
    .trim()
    .regex(/^[A-Z]{1,4}$/, 'Initials are 1 to 4 capital letters, e.g. JD.'),
  role: Role,
  /**
   * When the person left the lab. Someone who appears in the audit trail or in a
   * session is deactivated, never deleted: their name stays on what they did, and
   * nobody can work as them or choose them as a tester any more.
   */
  deactivatedAt: Instant.optional(),
})
export type Person = z.infer<typeof Person>

/** Whether the person still works in the lab (may be chosen as working, or as a tester). */
export const isActive = (person: Person): boolean => person.deactivatedAt === undefined

/** The people who still work in the lab, in the profile's order. */
export const activePeople = (profile: LabProfile | undefined): readonly Person[] =>
  profile?.people.filter(isActive) ?? []

/** The one lab profile: its name and the people who work in it (no passwords). */
export const LabProfile = z
  .object({
    id: z.literal('lab'),
    name: requiredText('Lab name', 120),
    people: z.array(Person).max(500),
    /**
     * The listing comparison's thresholds for the whole lab (Settings → Listing comparison); absent until someone
     * changes them, and then the defaults for any threshold added later.
     */
    comparison: ComparisonSettings.optional(),
    updatedAt: Instant,
  })
  .superRefine((profile, ctx) => {
    const seen = new Map<string, number>()
    profile.people.forEach((person, index) => {
      const previous = seen.get(person.initials)
      if (previous !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['people', index, 'initials'],
          message: `${person.initials} is already used by ${profile.people[previous]?.name ?? 'another person'}; initials must be unique.`,
        })
      } else {
        seen.set(person.initials, index)
      }
    })
  })
export type LabProfile = z.infer<typeof LabProfile>
