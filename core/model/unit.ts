import { z } from 'zod'
import { DiscoveryCapture, maxDiscoveryCaptures } from './discovery-capture'
import { Archived, CalendarDate, Id, Instant, optionalText, requiredText } from './fields'

export const unitConditions = ['new-sealed', 'new-open-box', 'used', 'damaged'] as const
export const UnitCondition = z.enum(unitConditions, { message: 'Choose the condition the unit arrived in.' })
export type UnitCondition = z.infer<typeof UnitCondition>
export const conditionLabels: Readonly<Record<UnitCondition, string>> = {
  'new-sealed': 'New, sealed',
  'new-open-box': 'New, open box',
  used: 'Used',
  damaged: 'Damaged',
}

export const photoRoles = ['front', 'back', 'rating-label', 'packaging', 'other'] as const
export const PhotoRole = z.enum(photoRoles)
export type PhotoRole = z.infer<typeof PhotoRole>
export const photoRoleLabels: Readonly<Record<PhotoRole, string>> = {
  front: 'Front',
  back: 'Back',
  'rating-label': 'Rating label',
  packaging: 'Packaging',
  other: 'Other',
}

// null: nobody has said what the photo shows yet, and its file name did not say either; the editor asks.
export const UnitPhoto = z.object({ fileId: Id, role: PhotoRole.nullable() })
export type UnitPhoto = z.infer<typeof UnitPhoto>

/**
 * What the unit reported in Alexa discovery, as extracted from the newest pasted
 * response: the summary earlier releases kept alone, still written beside the captures.
 */
export const UnitDiscovery = z.object({
  manufacturer: z.string().max(200),
  model: z.string().max(200),
  endpointCount: z.number().int().nonnegative(),
  pastedAt: Instant,
})
export type UnitDiscovery = z.infer<typeof UnitDiscovery>

/** The physical sample that was tested: the chain of custody every session names. */
export const Unit = z.object({
  id: Id,
  productId: z.string().min(1, 'Choose the product this unit is a sample of.'),
  serialNumber: requiredText('Serial number', 120),
  firmware: requiredText('Firmware', 80),
  hardwareRevision: optionalText('Hardware revision', 80),
  receivedOn: CalendarDate,
  receivedFrom: requiredText('Received from', 200),
  condition: UnitCondition,
  conditionNotes: optionalText('Condition notes', 2000),
  photos: z.array(UnitPhoto).max(100),
  discovery: UnitDiscovery.nullable(),
  /** Every pasted discovery response, oldest first; absent on units stored before captures were kept. */
  discoveryCaptures: z
    .array(DiscoveryCapture)
    .max(maxDiscoveryCaptures, `A unit keeps at most ${maxDiscoveryCaptures} discovery responses.`)
    .optional(),
  createdAt: Instant,
  updatedAt: Instant,
  archived: Archived.optional(),
})
export type Unit = z.infer<typeof Unit>
