import { z } from 'zod'
import { checkSkillId } from '../rules/skill-id'
import { Archived, checkedText, Id, Instant, requiredText } from './fields'

/** An Alexa skill: its store ID (amzn1.ask.skill.<UUID>) and name. */
export const Skill = z.object({
  id: Id,
  skillId: checkedText(checkSkillId),
  name: requiredText('Skill name', 200),
  createdAt: Instant,
  updatedAt: Instant,
  archived: Archived.optional(),
})
export type Skill = z.infer<typeof Skill>
