import { z } from 'zod'
import { Id, Instant, optionalText, requiredText } from './fields'

/** Most cases one plan may hold; a larger file is refused at import with a message. */
export const maxPlanCases = 5000

/** Longest text kept from a column the importer does not map, and longest name of such a column. */
export const maxExtraValue = 8000
export const maxExtraColumnName = 120

/**
 * A cell of a column the plan's fields do not use ("Notes", "Precondition",
 * "Priority"), kept with its case under the column's header so nothing in the
 * lab's file is lost; shown in the runner beside the case.
 */
export const ExtraField = z.object({
  column: z.string().trim().min(1).max(maxExtraColumnName),
  value: z.string().max(maxExtraValue, `A kept column's cell can be at most ${maxExtraValue} characters.`),
})
export type ExtraField = z.infer<typeof ExtraField>

export const TestCase = z.object({
  caseId: z
    .string()
    .trim()
    .min(1, 'Case ID is required.')
    .max(40, 'A case ID can be at most 40 characters.')
    .regex(/^[^\r\n\u2028\u2029]*$/, 'A case ID must be on one line.'),
  title: requiredText('Title', 300),
  category: optionalText('Category or capability', 120),
  steps: optionalText('Steps', 8000),
  expected: optionalText('Expected result', 4000),
  required: z.boolean(),
  /**
   * The case's cells in the file's other columns, in the file's column order; only
   * cells with text. Absent on cases typed in and on cases stored before it existed.
   */
  extra: z.array(ExtraField).max(16_384).optional(),
})
export type TestCase = z.infer<typeof TestCase>

export const planSourceKinds = ['typed', 'xlsx', 'csv', 'json'] as const
export const PlanSource = z.object({
  kind: z.enum(planSourceKinds),
  fileName: z.string().max(255).nullable(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  /**
   * Set on a version made by editing an earlier one a session had run: which version,
   * who edited it and when. kind, fileName and sha256 still say where the plan first came from.
   */
  editedFrom: z
    .object({
      versionId: Id,
      version: z.number().int().positive(),
      by: z.object({ id: z.string(), name: z.string() }),
      at: Instant,
    })
    .optional(),
})
export type PlanSource = z.infer<typeof PlanSource>

/**
 * One version of a test plan. A version that a session ran is never changed:
 * editing it makes the next version, so every session keeps what it ran.
 */
export const PlanVersion = z
  .object({
    id: Id,
    planId: Id,
    name: requiredText('Plan name', 200),
    version: z.number().int().positive(),
    cases: z
      .array(TestCase)
      .min(1, 'A plan needs at least one case.')
      .max(maxPlanCases, `A plan can have at most ${maxPlanCases} cases.`),
    source: PlanSource,
    createdAt: Instant,
    updatedAt: Instant,
  })
  .superRefine((plan, ctx) => {
    const first = new Map<string, number>()
    plan.cases.forEach((testCase, index) => {
      const earlier = first.get(testCase.caseId)
      if (earlier === undefined) {
        first.set(testCase.caseId, index)
        return
      }
      ctx.addIssue({
        code: 'custom',
        path: ['cases', index, 'caseId'],
        message: `Case ID ${testCase.caseId} is already used by case ${earlier + 1}; case IDs must be unique in a plan.`,
      })
    })
  })
export type PlanVersion = z.infer<typeof PlanVersion>

/** A plan version without its cases, and how many it has: what lists and summaries carry. */
export type PlanVersionHeader = Omit<PlanVersion, 'cases'> & { readonly caseCount: number }

/** The header of a version. */
export const headerOf = ({ cases, ...header }: PlanVersion): PlanVersionHeader => ({
  ...header,
  caseCount: cases.length,
})
