import { useLiveQuery } from 'dexie-react-hooks'
import type { Skill } from '../../../core/model/skill'
import { newId, nowIso } from '../../app/record-stamps'
import type { Route } from '../../app/route'
import { useRepos } from '../../app/services-context'
import { RecordListPage } from '../../ui/RecordListPage'
import { RecordPage } from '../../ui/RecordPage'
import { skillColumns } from './skill-columns'
import { SkillEditor } from './SkillEditor'

const newSkill = (): Skill => ({ id: newId(), skillId: '', name: '', createdAt: nowIso(), updatedAt: nowIso() })

export function SkillsSection({ route }: { route: Route }) {
  const repos = useRepos()
  if (!route.id) return <SkillsList />
  return (
    <RecordPage key={route.id} kind="skills" id={route.id} what="skill" get={repos.skills.get} makeNew={newSkill}>
      {(ready) => <SkillEditor loaded={ready} />}
    </RecordPage>
  )
}

function SkillsList() {
  const repos = useRepos()
  const rows = useLiveQuery(() => repos.skills.list(), [repos])
  return <RecordListPage kind="skills" title="Skills" newLabel="New skill" rows={rows} columns={skillColumns} empty="No skills yet." exists={repos.skills.get} />
}
