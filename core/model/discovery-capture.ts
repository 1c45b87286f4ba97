import { z } from 'zod'
import { Id, Instant } from './fields'

/** Text as an endpoint reported it; null where the device did not report the field. */
const Reported = z.string().max(500).nullable()

/** One endpoint of a kept discovery response, as the parser read it. */
export const CapturedEndpoint = z.object({
  endpointId: Reported,
  friendlyName: Reported,
  /** `manufacturerName`: the maker's name the Alexa app shows. */
  manufacturerName: Reported,
  /** `additionalAttributes.manufacturer`: what the device reports as its manufacturer. */
  manufacturer: Reported,
  /** `additionalAttributes.model`: what the certification request's model number must equal. */
  model: Reported,
})
export type CapturedEndpoint = z.infer<typeof CapturedEndpoint>

/**
 * One pasted discovery response, kept as evidence: the JSON itself is a stored
 * file (fileId, with its SHA-256), and who pasted it when. A new paste is a new
 * capture; captures are never edited or removed.
 */
export const DiscoveryCapture = z.object({
  id: Id,
  fileId: Id,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Expected a SHA-256 as 64 lowercase hex digits.'),
  size: z.number().int().nonnegative(),
  pastedAt: Instant,
  pastedBy: z.object({ id: z.string().min(1), name: z.string().max(200) }),
  // A bridge reports one endpoint per device behind it; the parser's 1 MB limit keeps this in the thousands.
  endpoints: z.array(CapturedEndpoint).min(1).max(5000),
})
export type DiscoveryCapture = z.infer<typeof DiscoveryCapture>

/** How many captures one unit keeps; a unit pasted more often than this is a mistake to stop, not history. */
export const maxDiscoveryCaptures = 200
