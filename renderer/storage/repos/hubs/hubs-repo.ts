import type { Hub } from '../../../../core/model/hub'
import type { AuditContext } from '../../audit-log'
import type { LabDb } from '../../lab-db'
import { createRecordRepo, type RecordRepo } from '../record-repo'

export type HubsRepo = RecordRepo<Hub>

export const createHubsRepo = (db: LabDb, audit: AuditContext): HubsRepo => createRecordRepo(db, 'hub', audit)
