import { z } from 'zod'
import table from '../data/marketplaces.json'

/** Amazon's certification regions: a request covers one region's marketplaces. */
export const Region = z.enum(['NA', 'EU', 'FE'], { error: 'Choose a region: NA, EU or FE.' })
export type Region = z.infer<typeof Region>

export const regionNames: Readonly<Record<Region, string>> = {
  NA: 'North America',
  EU: 'Europe',
  FE: 'Far East',
}

const MarketplaceRow = z.strictObject({
  code: z.string().regex(/^[A-Z]{2}$/, 'A marketplace code is two capital letters, e.g. US.'),
  name: z.string().trim().min(1, 'A marketplace needs a name.'),
  domain: z.string().regex(/^amazon(\.[a-z]{2,3}){1,2}$/, 'A retail domain looks like amazon.de or amazon.co.uk.'),
  region: Region,
})
export type Marketplace = Readonly<z.infer<typeof MarketplaceRow>>

const MarketplaceTable = z
  .array(MarketplaceRow)
  .min(1, 'The marketplace table is empty.')
  .superRefine((rows, ctx) => {
    for (const key of ['code', 'domain'] as const) {
      const seen = new Set<string>()
      rows.forEach((row, index) => {
        if (seen.has(row[key])) {
          ctx.addIssue({
            code: 'custom',
            path: [index, key],
            message: `${row[key]} appears twice; each ${key} must be unique.`,
          })
        }
        seen.add(row[key])
      })
    }
  })

// Parsed when the module loads, so a bad edit of the data file stops the app and the tests at once
// instead of surfacing later as a marketplace that silently belongs to no region.
function load(raw: unknown): readonly Marketplace[] {
  const parsed = MarketplaceTable.safeParse(raw)
  if (!parsed.success) {
    throw new Error(`core/data/marketplaces.json is invalid:\n${z.prettifyError(parsed.error)}`)
  }
  return Object.freeze(parsed.data.map((row) => Object.freeze(row)))
}

/** Every Amazon marketplace the app knows, in the data file's order (grouped by region). */
export const marketplaces: readonly Marketplace[] = load(table)

const byCode: ReadonlyMap<string, Marketplace> = new Map(marketplaces.map((m) => [m.code, m]))

/** A marketplace code that is in the table, e.g. US or DE; anything else is refused with a message naming it. */
export const MarketplaceCode = z
  .string({ error: 'A marketplace code is text such as US or DE.' })
  .refine((code) => byCode.has(code), { error: (issue) => `Unknown marketplace code "${String(issue.input)}".` })

/** The marketplace with this code, or undefined when the code is not in the table. */
export function marketplaceByCode(code: string): Marketplace | undefined {
  return byCode.get(code)
}

/** The region a known marketplace belongs to; throws for a code that MarketplaceCode would refuse. */
export function regionOf(code: string): Region {
  const marketplace = byCode.get(code)
  // A programming error, not a user error: codes reach here only after MarketplaceCode accepted them.
  if (marketplace === undefined) throw new RangeError(`Unknown marketplace code "${code}".`)
  return marketplace.region
}
