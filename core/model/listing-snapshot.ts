import { z } from 'zod'
import { checkAsin } from '../rules/asin'
import { retailIdKinds } from '../rules/retail-id'
import { checkedText, Id, Instant, optionalText } from './fields'
import { MarketplaceCode } from './marketplace'

/** What an Amazon detail page says of the listing (SPEC §2 R2): only "available" lets a badge through. */
export const listingStatuses = ['available', 'unavailable', 'not-valid', 'suppressed'] as const
export const ListingStatus = z.enum(listingStatuses, {
  message: 'Choose the status the page showed: available, unavailable, not valid or suppressed.',
})
export type ListingStatus = z.infer<typeof ListingStatus>
export const listingStatusLabels: Readonly<Record<ListingStatus, string>> = {
  available: 'Available',
  unavailable: 'Unavailable',
  'not-valid': 'Not valid',
  suppressed: 'Suppressed',
}

/** How far in the future a capture time may be: the clocks of a workstation and of the one that wrote an import may differ that much. */
export const captureClockLeewayMs = 60_000

/** Who captured a snapshot, as the lab profile named them then. */
export const CapturedBy = z.object({ id: z.string().min(1), name: z.string().max(200) })

/**
 * What one ASIN's detail page showed in one marketplace at one moment. Never
 * changed: a new capture is a new snapshot, and the history stays. Text fields
 * are as the page showed them ('' where it showed nothing); the comparison says
 * what a blank means.
 */
export const ListingSnapshot = z.object({
  id: Id,
  asin: checkedText(checkAsin),
  marketplace: MarketplaceCode,
  capturedAt: Instant,
  capturedBy: CapturedBy,
  brand: optionalText('Brand', 200),
  modelNumber: optionalText('Model number', 120),
  title: optionalText('Title', 2_000),
  deviceType: optionalText('Device type', 200),
  status: ListingStatus,
  /** The hub ASIN the page names (for a product that needs one), '' when it names none. */
  // One check, not a union with '': a union would answer a mistyped ASIN with zod's "Invalid input".
  hubAsin: checkedText((input) => (input.trim() === '' ? { ok: true, value: '' } : checkAsin(input))),
  /** What the page says is needed to use it ("Requires Acme Hub"), as written. */
  hubRequirement: optionalText('Hub requirement', 500),
  /** What the page says is in the box, one item each. */
  bundleContents: z
    .array(optionalText('An item in the box', 200))
    .max(50, 'A capture keeps at most 50 items in the box.'),
  /** Identifiers the page shows (UPC, EAN…), as written. */
  retailIds: z
    .array(
      z.object({
        kind: z.enum(retailIdKinds),
        value: z.string().max(20, 'A retail identifier has at most 20 characters (a GTIN-14 has 14).'),
      }),
    )
    .max(20, 'A capture keeps at most 20 retail identifiers.'),
  /** The page's images, stored as files (with their SHA-256 and perceptual hashes). */
  imageIds: z.array(Id).max(50, 'A capture keeps at most 50 images of the page.'),
  url: optionalText('Page address', 2_000),
})
export type ListingSnapshot = z.infer<typeof ListingSnapshot>

/** What the Alexa skill store showed of a skill in one marketplace at one moment (SPEC §2 R5). */
export const SkillStoreSnapshot = z.object({
  id: Id,
  skillId: z.string().min(1).max(200),
  marketplace: MarketplaceCode,
  status: ListingStatus,
  capturedAt: Instant,
  capturedBy: CapturedBy,
})
export type SkillStoreSnapshot = z.infer<typeof SkillStoreSnapshot>
