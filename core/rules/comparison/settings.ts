import { z } from 'zod'

/** The comparison's thresholds (SPEC §4: "thresholds are settings"), with the defaults a lab starts from. */
export const ComparisonSettings = z.object({
  /** Jaro-Winkler similarity of two normalized brands at or above which they need review rather than fail. */
  brandReviewSimilarity: z.number().min(0).max(1).default(0.85),
  /** The same for device types, which listings word more freely. */
  deviceTypeReviewSimilarity: z.number().min(0).max(1).default(0.8),
  /** A listing snapshot older than this many days needs review as stale. */
  staleAfterDays: z.number().int().min(1).max(3_650).default(30),
  /** Hamming distance (of 64 bits) at or below which two images' dHash says they are the same picture. */
  dHashNearDuplicate: z.number().int().min(0).max(64).default(10),
  /** The same for pHash; both must agree for a pass. */
  pHashNearDuplicate: z.number().int().min(0).max(64).default(12),
})
export type ComparisonSettings = z.output<typeof ComparisonSettings>

export const defaultComparisonSettings: ComparisonSettings = ComparisonSettings.parse({})
