import { Hub } from '../../../core/model/hub'
import type { LabDb } from '../lab-db'
import { createRecordRepo } from './record-repo'

export type HubsRepo = ReturnType<typeof createHubsRepo>

export const createHubsRepo = (db: LabDb) => createRecordRepo<Hub>(db.hubs, Hub)
