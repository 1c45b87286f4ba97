import type { Hub } from '../../../../core/model/hub'
import type { AuditContext } from '../../audit-log'
import type { LabDb } from '../../lab-db'
import { createRecordRepo, type RecordRepo } from '../record-repo'
import { productsNaming } from '../references'

export type HubsRepo = RecordRepo<Hub>

/** A hub is named by the products that were tested through it, and by the history of those that were. */
export const hubReferrers = productsNaming('hubId')

export const createHubsRepo = (db: LabDb, audit: AuditContext): HubsRepo =>
  createRecordRepo(db, 'hub', audit, hubReferrers)
