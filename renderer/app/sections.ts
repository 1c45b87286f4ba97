import { availabilityFeature } from '../features/availability'
import { hubsFeature } from '../features/hubs'
import { labProfileFeature } from '../features/lab-profile'
import { packetsFeature } from '../features/packets'
import { plansFeature } from '../features/plans'
import { productsFeature } from '../features/products'
import { reviewsFeature } from '../features/reviews'
import { sessionsFeature } from '../features/sessions'
import { settingsFeature } from '../features/settings'
import { skillsFeature } from '../features/skills'
import { unitsFeature } from '../features/units'
import type { Feature } from './feature'

/**
 * Every section of the app, in the order the navigation lists them; the first
 * is where an unknown address lands. The Section type, the navigation and the
 * router all derive from this list: a new feature is one line here.
 */
export const sections = [
  productsFeature,
  unitsFeature,
  hubsFeature,
  skillsFeature,
  plansFeature,
  sessionsFeature,
  reviewsFeature,
  availabilityFeature,
  packetsFeature,
  labProfileFeature,
  settingsFeature,
] as const satisfies readonly Feature[]

export type Section = (typeof sections)[number]['section']

/** The feature that owns this section name, or undefined for a name no feature claims. */
export const featureOf = (section: string): (typeof sections)[number] | undefined =>
  sections.find((feature) => feature.section === section)
