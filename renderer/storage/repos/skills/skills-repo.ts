import type { Skill } from '../../../../core/model/skill'
import type { AuditContext } from '../../audit-log'
import type { LabDb } from '../../lab-db'
import { createRecordRepo, type RecordRepo } from '../record-repo'

export type SkillsRepo = RecordRepo<Skill>

export const createSkillsRepo = (db: LabDb, audit: AuditContext): SkillsRepo => createRecordRepo(db, 'skill', audit)
