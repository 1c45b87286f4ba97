import type { ListingSnapshot, SkillStoreSnapshot } from '../../core/model/listing-snapshot'

/** A valid snapshot of the product's US listing as aProduct() describes it, captured on 2026-11-20; override what a test is about. */
export const aListing = (over: Partial<ListingSnapshot> = {}): ListingSnapshot => ({
  id: 'ls-1',
  asin: 'B0ABCDEF12',
  marketplace: 'US',
  capturedAt: '2026-11-20T09:00:00.000Z',
  capturedBy: { id: 'jd', name: 'Jo Doe' },
  brand: 'Acme',
  modelNumber: 'AC-100',
  title: 'Acme Smart Plug, works with Alexa',
  deviceType: 'Plug',
  status: 'available',
  hubAsin: '',
  hubRequirement: '',
  bundleContents: [],
  retailIds: [],
  imageIds: [],
  url: 'https://www.amazon.com/dp/B0ABCDEF12',
  ...over,
})

export const aSkillSnapshot = (over: Partial<SkillStoreSnapshot> = {}): SkillStoreSnapshot => ({
  id: 'ss-1',
  skillId: 'amzn1.ask.skill.12345678-1234-4234-8234-123456789abc',
  marketplace: 'US',
  status: 'available',
  capturedAt: '2026-11-20T09:00:00.000Z',
  capturedBy: { id: 'jd', name: 'Jo Doe' },
  ...over,
})
