import { z } from 'zod'
import { checkAsin } from '../rules/asin'
import { Archived, checkedText, Id, Instant, optionalText, requiredText } from './fields'

/** A hub the product reaches Alexa through; the product records which hub was tested. */
export const Hub = z
  .object({
    id: Id,
    brand: requiredText('Brand', 120),
    modelNumber: requiredText('Model number', 80),
    name: optionalText('Name', 200),
    asins: z.array(checkedText(checkAsin)).max(50),
    firmware: optionalText('Firmware', 80),
    createdAt: Instant,
    updatedAt: Instant,
    archived: Archived.optional(),
  })
  .superRefine((hub, ctx) => {
    hub.asins.forEach((asin, index) => {
      if (hub.asins.indexOf(asin) !== index) {
        ctx.addIssue({ code: 'custom', path: ['asins', index], message: `${asin} is listed twice.` })
      }
    })
  })
export type Hub = z.infer<typeof Hub>
