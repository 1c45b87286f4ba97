import type { Skill } from '../../../../core/model/skill'
import type { AuditContext } from '../../audit-log'
import type { LabDb } from '../../lab-db'
import { createRecordRepo, type RecordRepo } from '../record-repo'
import { productsNaming } from '../references'

export type SkillsRepo = RecordRepo<Skill>

/** A skill is named by the products that reach Alexa through it, and by the history of those that did. */
export const skillReferrers = productsNaming('skillRecordId')

export const createSkillsRepo = (db: LabDb, audit: AuditContext): SkillsRepo =>
  createRecordRepo(db, 'skill', audit, skillReferrers)
