import type { Region } from '../../../../../core/model/marketplace'
import { Outage } from '../../../../../core/model/outage'
import { outageSpansOf, type OutageSpans } from '../../../../../core/rules/availability/outage-spans'
import { AvailabilityPolicy, type AvailabilityPolicyInput } from '../../../../../core/rules/availability/policy'

/** An outage row as the golden tables write it: region, start, end (null: still going on), excluded. */
export type Row = readonly [region: Region, start: string, end: string | null, excluded?: 'excluded']

/** The rows validated by the model, as the engine's columns. */
export function spansOf(rows: readonly Row[]): OutageSpans {
  return outageSpansOf(
    rows.map(([region, start, end, excluded]) =>
      Outage.parse({ region, start, end, cause: 'test', excluded: excluded === 'excluded' }),
    ),
  )
}

export const policyOf = (input: AvailabilityPolicyInput = {}) => AvailabilityPolicy.parse(input)

export const instant = (iso: string) => Date.parse(iso)

/** An instant `seconds` after the ISO one, as ISO text. */
export const plus = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000).toISOString()
