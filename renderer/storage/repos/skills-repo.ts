import { Skill } from '../../../core/model/skill'
import type { AuditContext } from '../audit-log'
import type { LabDb } from '../lab-db'
import { createRecordRepo } from './record-repo'

export type SkillsRepo = ReturnType<typeof createSkillsRepo>

export const createSkillsRepo = (db: LabDb, audit: AuditContext) =>
  createRecordRepo<Skill>(db, db.skills, Skill, { kind: 'skill', label: (s) => s.name }, audit)
