import { useLiveQuery } from 'dexie-react-hooks'
import { useRepos } from '../../app/services-context'
import { RecordListPage } from '../../ui/RecordListPage'
import { skillColumns } from './skill-columns'

/** "#/skills": every skill, with the New skill button. */
export function SkillsList() {
  const repos = useRepos()
  const rows = useLiveQuery(() => repos.skills.list(), [repos])
  return (
    <RecordListPage
      kind="skill"
      section="skills"
      title="Skills"
      newLabel="New skill"
      rows={rows}
      columns={skillColumns}
      empty="No skills yet."
      exists={repos.skills.get}
    />
  )
}
