import { entityLabel } from '../../../core/model/entity'
import { Skill } from '../../../core/model/skill'
import { href } from '../../app/route'
import { useRepos } from '../../app/services-context'
import { EditableFields } from '../../ui/EditableFields'
import { EditorStatus } from '../../ui/EditorStatus'
import { TextField } from '../../ui/Field'
import type { ReadyRecord } from '../../hooks/use-record'
import { useRecordEditor } from '../../hooks/use-record-editor'

/** An Alexa skill: its name and its store ID. */
export function SkillEditor({ loaded, archived = false }: { loaded: ReadyRecord<Skill>; archived?: boolean }) {
  const repos = useRepos()
  const form = useRecordEditor({
    kind: 'skill',
    section: 'skills',
    loaded,
    schema: Skill,
    save: repos.skills.save,
    title: (s) => entityLabel('skill', s),
  })
  const isNew = loaded.isNew
  const { draft, update, visibleError } = form
  return (
    <section aria-labelledby="skill-title" className="editor">
      <p>
        <a href={href('skills')}>← Skills</a>
      </p>
      <h1 id="skill-title">{draft.name || 'New skill'}</h1>
      <EditorStatus form={form} restoredAt={loaded.restored?.savedAt} />
      <EditableFields archived={archived}>
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
      </EditableFields>
    </section>
  )
}
