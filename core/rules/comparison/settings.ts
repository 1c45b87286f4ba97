import { z } from 'zod'

/** The comparison's thresholds (SPEC §4: "thresholds are settings"), with the defaults a lab starts from. */
export const ComparisonSettings = z.object({
  /** Jaro-Winkler similarity of two normalized brands at or above which they need review rather than fail. */
  brandReviewSimilarity: z.number().min(0).max(1).default(0.85),
  /** The same for device types, which listings word more freely. */
  deviceTypeReviewSimilarity: z.number().min(0).max(1).default(0.8),
  /** A listing snapshot older than this many days needs review as stale. */
  staleAfterDays: z.number().int().min(1).max(3_650).default(30),
  /**
   * Hamming distance (of 64 bits) at or below which two images' dHash says they are the same picture. On the
   * real-photograph fixtures (image-hash-photos.test.ts) a copy resized, recompressed or cropped by 4 % a side is
   * within 12, and different pictures are 25 or more apart.
   */
  dHashNearDuplicate: z.number().int().min(0).max(64).default(14),
  /** The same for pHash (copies within 14, different pictures 28 or more apart); both must agree for a pass. */
  pHashNearDuplicate: z.number().int().min(0).max(64).default(16),
})
export type ComparisonSettings = z.output<typeof ComparisonSettings>

export const defaultComparisonSettings: ComparisonSettings = ComparisonSettings.parse({})

export type ComparisonSettingKey = keyof ComparisonSettings

/** How Settings names and explains each threshold, in the order a reviewer meets them. */
export const comparisonSettingWords: readonly {
  readonly key: ComparisonSettingKey
  readonly label: string
  readonly hint: string
}[] = [
  {
    key: 'brandReviewSimilarity',
    label: 'Brand: similarity that needs review',
    hint: 'From 0 to 1. A brand that differs once case, spaces and ™ ® © are set aside needs review at or above this Jaro-Winkler similarity, and fails below it.',
  },
  {
    key: 'deviceTypeReviewSimilarity',
    label: 'Device type: similarity that needs review',
    hint: 'From 0 to 1. Device types sharing no word need review at or above this similarity, and fail below it.',
  },
  {
    key: 'staleAfterDays',
    label: 'Snapshot stale after (days)',
    hint: 'From 1 to 3,650. A listing or skill-store snapshot older than this needs review: capture the page again.',
  },
  {
    key: 'dHashNearDuplicate',
    label: 'Image: dHash distance of a near copy',
    hint: 'From 0 to 64 bits. With the pHash distance below, an image pair this close is the same picture and passes; anything else needs review.',
  },
  {
    key: 'pHashNearDuplicate',
    label: 'Image: pHash distance of a near copy',
    hint: 'From 0 to 64 bits. Both distances must be within their thresholds for a pass.',
  },
]
