import type { Migration } from './migration'

/**
 * Version 2: test plan versions, sessions with their results, the hash-chained
 * audit trail, and small settings (who is working at this bench). Only new
 * stores: rows written by version 1 need no change.
 */
export const plansSessionsAudit: Migration = {
  version: 2,
  stores: {
    planVersions: 'id, planId, updatedAt',
    sessions: 'id, productId, unitId, state, updatedAt, plan.versionId, plan.planId',
    results: '[sessionId+caseId], sessionId, caseId',
    audit: 'seq, [entity.kind+entity.id], at',
    settings: 'key',
  },
}
