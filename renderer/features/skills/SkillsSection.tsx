import { useLiveQuery } from 'dexie-react-hooks'
import { Skill } from '../../../core/model/skill'
import { href, type Route } from '../../app/route'
import { newId, nowIso } from '../../app/record-stamps'
import { useRepos } from '../../app/services-context'
import { TextField } from '../../forms/Field'
import { RecordGate } from '../../forms/RecordGate'
import { EditorStatus } from '../../forms/EditorStatus'
import { useRecord, type ReadyRecord } from '../../forms/use-record'
import { useRecordEditor } from '../../forms/use-record-editor'
import { UnsavedDrafts } from '../../forms/UnsavedDrafts'
import { DataTable } from '../../table/DataTable'
import { listColumnHelper } from '../../table/table-features'

const column = listColumnHelper<Skill>()
const skillColumns = column.columns([
  column.accessor('name', {
    header: 'Name',
    enableHiding: false,
    sortFn: 'text',
    cell: (info) => <a href={href('skills', info.row.original.id)}>{info.getValue()}</a>,
  }),
  column.accessor('skillId', { header: 'Skill ID', sortFn: 'text' }),
])

const newSkill = (): Skill => ({ id: newId(), skillId: '', name: '', createdAt: nowIso(), updatedAt: nowIso() })

export function SkillsSection({ route }: { route: Route }) {
  return route.id ? <SkillPage key={route.id} id={route.id} /> : <SkillsList />
}

function SkillsList() {
  const repos = useRepos()
  const skills = useLiveQuery(() => repos.skills.list(), [repos])
  return (
    <section aria-labelledby="skills-title">
      <header className="section-header">
        <h1 id="skills-title">Skills</h1>
        <a className="button primary" href={href('skills', 'new')}>
          New skill
        </a>
      </header>
      <UnsavedDrafts kind="skills" exists={repos.skills.get} />
      {skills === undefined ? (
        <p className="muted">Loading…</p>
      ) : (
        <DataTable label="Skills" columns={skillColumns} data={skills} rowId={(s) => s.id} empty="No skills yet." />
      )}
    </section>
  )
}

function SkillPage({ id }: { id: string }) {
  const repos = useRepos()
  const loaded = useRecord('skills', id, repos.skills.get, newSkill)
  return (
    <RecordGate loaded={loaded} what="skill" backHref={href('skills')}>
      {(ready) => <SkillEditor loaded={ready} />}
    </RecordGate>
  )
}

function SkillEditor({ loaded }: { loaded: ReadyRecord<Skill> }) {
  const repos = useRepos()
  const form = useRecordEditor({ kind: 'skills', loaded, schema: Skill, save: repos.skills.save, title: (s) => s.name || 'Untitled skill' })
  const isNew = loaded.isNew
  const { draft, update, visibleError } = form
  return (
    <section aria-labelledby="skill-title" className="editor">
      <p>
        <a href={href('skills')}>← Skills</a>
      </p>
      <h1 id="skill-title">{draft.name || 'New skill'}</h1>
      <EditorStatus form={form} restoredAt={loaded.restored?.savedAt} />
      <div className="grid">
        <TextField
          label="Skill name"
          value={draft.name}
          error={visibleError('name')}
          onChange={(name) => update((s) => ({ ...s, name }), 'name')}
          autoFocus={isNew}
        />
        <TextField
          label="Skill ID"
          value={draft.skillId}
          placeholder="amzn1.ask.skill.00000000-0000-0000-0000-000000000000"
          error={visibleError('skillId')}
          hint="From the Alexa developer console: amzn1.ask.skill. followed by a UUID."
          onChange={(skillId) => update((s) => ({ ...s, skillId: skillId.trim() }), 'skillId')}
        />
      </div>
    </section>
  )
}
