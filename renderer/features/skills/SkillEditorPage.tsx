import type { Skill } from '../../../core/model/skill'
import type { PageProps } from '../../app/feature'
import { newId, nowIso } from '../../app/record-stamps'
import { useRepos } from '../../app/services-context'
import { RecordPage } from '../../ui/RecordPage'
import { recordTarget } from '../../widgets/archive/archive-target'
import { SkillEditor } from './SkillEditor'

const newSkill = (): Skill => ({ id: newId(), skillId: '', name: '', createdAt: nowIso(), updatedAt: nowIso() })

/** "#/skills/<id>" (or "new"): one skill's editor. */
export function SkillEditorPage({ params }: PageProps<':id'>) {
  const repos = useRepos()
  return (
    <RecordPage
      kind="skill"
      section="skills"
      id={params.id}
      what="skill"
      get={repos.skills.get}
      makeNew={newSkill}
      archive={(s) => recordTarget('skill', 'skill', repos.skills, s.id)}
    >
      {(ready, { archived }) => <SkillEditor loaded={ready} archived={archived} />}
    </RecordPage>
  )
}
