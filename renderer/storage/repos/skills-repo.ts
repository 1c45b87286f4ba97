import { Skill } from '../../../core/model/skill'
import type { LabDb } from '../lab-db'
import { createRecordRepo } from './record-repo'

export type SkillsRepo = ReturnType<typeof createSkillsRepo>

export const createSkillsRepo = (db: LabDb) => createRecordRepo<Skill>(db.skills, Skill)
