import {
  listingStatuses,
  listingStatusLabels,
  type ListingSnapshot,
  type ListingStatus,
} from '../../../core/model/listing-snapshot'
import { parseRetailIds } from '../../../core/rules/retail-id'
import type { ListingCapture } from '../../storage/repos/listings/listings-repo'
import type { ListingKey } from './review-address'

/** The statuses a page or the skill store can show, as a picker offers them. */
export const statusOptions = listingStatuses.map((value) => ({ value, label: listingStatusLabels[value] }))

/** The capture form's fields as typed: lists one item per line. */
export type CaptureForm = {
  readonly status: ListingStatus
  readonly brand: string
  readonly modelNumber: string
  readonly title: string
  readonly deviceType: string
  readonly hubAsin: string
  readonly hubRequirement: string
  readonly bundle: string
  readonly retailIds: string
  readonly url: string
  readonly imageIds: readonly string[]
}

export const emptyCapture: CaptureForm = {
  status: 'available',
  brand: '',
  modelNumber: '',
  title: '',
  deviceType: '',
  hubAsin: '',
  hubRequirement: '',
  bundle: '',
  retailIds: '',
  url: '',
  imageIds: [],
}

/** The form filled in from an earlier capture, images included, to change what the page shows differently now. */
export const captureFrom = (snapshot: ListingSnapshot): CaptureForm => ({
  status: snapshot.status,
  brand: snapshot.brand,
  modelNumber: snapshot.modelNumber,
  title: snapshot.title,
  deviceType: snapshot.deviceType,
  hubAsin: snapshot.hubAsin,
  hubRequirement: snapshot.hubRequirement,
  bundle: snapshot.bundleContents.join('\n'),
  retailIds: snapshot.retailIds.map((id) => `${id.kind} ${id.value}`).join('\n'),
  url: snapshot.url,
  imageIds: snapshot.imageIds,
})

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')

/** What the repository stores from the form: the listing it is of, lists split into their items. */
export const captureOf = (listing: ListingKey, form: CaptureForm): ListingCapture => ({
  asin: listing.asin,
  marketplace: listing.marketplace,
  status: form.status,
  brand: form.brand,
  modelNumber: form.modelNumber,
  title: form.title,
  deviceType: form.deviceType,
  hubAsin: form.hubAsin.trim().toUpperCase(),
  hubRequirement: form.hubRequirement,
  bundleContents: lines(form.bundle),
  retailIds: parseRetailIds(lines(form.retailIds)),
  imageIds: [...form.imageIds],
  url: form.url,
})

/** The form field a refusal names ("bundleContents.2" is the bundle's box, "retailIds.0.value" the identifiers'). */
export function formFieldOf(field: string | undefined): keyof CaptureForm | undefined {
  const head = field?.split('.')[0]
  if (head === 'bundleContents') return 'bundle'
  if (head === 'retailIds') return 'retailIds'
  return head !== undefined && head in emptyCapture ? (head as keyof CaptureForm) : undefined
}
