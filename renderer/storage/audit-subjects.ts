import type { EntityKind, EntityRef } from '../../core/model/entity'

/** The key of a record in an audit entry's subjects: "product:<id>". */
export const subjectKey = (ref: { readonly kind: EntityKind | string; readonly id: string }): string =>
  `${ref.kind}:${ref.id}`

/**
 * The records an entry concerns: the record itself and those it belongs to
 * (a unit's product, a result's session and product), so the trail of a product
 * includes its units, sessions and results.
 */
export function subjectsOf(
  entity: { readonly kind: EntityKind | string; readonly id: string },
  parents: readonly EntityRef[],
): string[] {
  return [...new Set([subjectKey(entity), ...parents.map(subjectKey)])]
}
