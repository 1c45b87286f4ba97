import { Hub } from '../../../core/model/hub'
import type { AuditContext } from '../audit-log'
import type { LabDb } from '../lab-db'
import { createRecordRepo } from './record-repo'

export type HubsRepo = ReturnType<typeof createHubsRepo>

export const createHubsRepo = (db: LabDb, audit: AuditContext) =>
  createRecordRepo<Hub>(db, db.hubs, Hub, { kind: 'hub', label: (h) => `${h.brand} ${h.modelNumber}` }, audit)
