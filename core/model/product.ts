import { z } from 'zod'
import { checkAsin } from '../rules/asin'
import { checkRetailId, retailIdKinds } from '../rules/retail-id'
import { Archived, checkedText, Id, Instant, optionalText, requiredText } from './fields'
import { MarketplaceCode } from './marketplace'

export const connectionMethods = ['direct-skill', 'hub', 'zigbee', 'matter'] as const
export const ConnectionMethod = z.enum(connectionMethods, { message: 'Choose how the product connects to Alexa.' })
export type ConnectionMethod = z.infer<typeof ConnectionMethod>

export const connectionLabels: Readonly<Record<ConnectionMethod, string>> = {
  'direct-skill': 'Direct, through its Alexa skill',
  hub: 'Through a hub',
  zigbee: 'Direct Zigbee (Echo hub)',
  matter: 'Direct Matter',
}

/** Device types labs see most; the field accepts any other name too. */
export const commonDeviceTypes = [
  'Light',
  'Plug',
  'Switch',
  'Thermostat',
  'Lock',
  'Camera',
  'Doorbell',
  'Contact sensor',
  'Motion sensor',
  'Temperature sensor',
  'Fan',
  'Air purifier',
  'Blinds',
  'Garage door',
  'Vacuum',
  'Hub',
] as const

/** A retail identifier, stored as its digits alone once its length, prefix and check digit hold. */
export const RetailId = z
  .object({ kind: z.enum(retailIdKinds, { message: 'Choose UPC-A, EAN-13, JAN or GTIN-14.' }), value: z.string() })
  .transform((id, ctx) => {
    const result = checkRetailId(id.kind, id.value)
    if (result.ok) return { kind: id.kind, value: result.value }
    ctx.issues.push({ code: 'custom', path: ['value'], message: result.message, input: id.value })
    return z.NEVER
  })
export type RetailId = z.infer<typeof RetailId>

/** One ASIN in one marketplace; `variation` names the colour or pack size it sells, '' for the main item. */
export const ListingAsin = z.object({
  marketplace: MarketplaceCode,
  asin: checkedText(checkAsin),
  variation: optionalText('Variation', 80),
})
export type ListingAsin = z.infer<typeof ListingAsin>

/** One product per model number: its identity, where it sells, and the images submitted at registration. */
export const Product = z
  .object({
    id: Id,
    brand: requiredText('Brand', 120),
    modelNumber: requiredText('Model number', 80),
    name: requiredText('Product name', 300),
    deviceType: requiredText('Device type', 80),
    connection: ConnectionMethod,
    hubId: Id.nullable(),
    skillRecordId: Id.nullable(),
    marketplaces: z.array(MarketplaceCode).max(40),
    retailIds: z.array(RetailId).max(50),
    asins: z.array(ListingAsin).max(500),
    variations: z.array(requiredText('Variation', 80)).max(100),
    referencePhotoIds: z.array(Id).max(50),
    createdAt: Instant,
    updatedAt: Instant,
    archived: Archived.optional(),
  })
  .superRefine((product, ctx) => {
    const requested = new Set(product.marketplaces)
    const seen = new Set<string>()
    product.asins.forEach((listing, index) => {
      if (!requested.has(listing.marketplace)) {
        ctx.addIssue({
          code: 'custom',
          path: ['asins', index, 'marketplace'],
          message: `${listing.marketplace} is not among the requested marketplaces; add it there first.`,
        })
      }
      const key = `${listing.marketplace}:${listing.asin}`
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['asins', index, 'asin'],
          message: `${listing.asin} is already listed for ${listing.marketplace}.`,
        })
      }
      seen.add(key)
      if (listing.variation !== '' && !product.variations.includes(listing.variation)) {
        ctx.addIssue({
          code: 'custom',
          path: ['asins', index, 'variation'],
          message: `"${listing.variation}" is not one of this product's variations.`,
        })
      }
    })
    product.marketplaces.forEach((code, index) => {
      if (product.marketplaces.indexOf(code) !== index) {
        ctx.addIssue({ code: 'custom', path: ['marketplaces', index], message: `${code} is listed twice.` })
      }
    })
    product.variations.forEach((name, index) => {
      if (product.variations.indexOf(name) !== index) {
        ctx.addIssue({
          code: 'custom',
          path: ['variations', index],
          message: `The variation "${name}" is listed twice.`,
        })
      }
    })
    if (product.connection !== 'hub' && product.hubId !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['hubId'],
        message: 'Only a product that connects through a hub names a tested hub.',
      })
    }
  })
export type Product = z.infer<typeof Product>
