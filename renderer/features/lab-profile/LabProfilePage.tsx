import { useState } from 'react'
import { entityLabel } from '../../../core/model/entity'
import { LabProfile, roleLabels, roles, type Person, type Role } from '../../../core/model/lab-profile'
import { useRepos } from '../../app/services-context'
import { newId, nowIso } from '../../app/record-stamps'
import { RowGroup } from '../../ui/RowGroup'
import { SelectField, TextField } from '../../ui/Field'
import { EditorStatus } from '../../ui/EditorStatus'
import { useAutosave } from '../../hooks/use-autosave'
import { useLoadOnce } from '../../hooks/use-load-once'

const emptyProfile = (): LabProfile => ({ id: 'lab', name: '', people: [], updatedAt: nowIso() })

/** The lab's name and the people who test, review and manage. */
export function LabProfilePage() {
  const repos = useRepos()
  const loaded = useLoadOnce(async () => {
    const [stored, draft] = await Promise.all([repos.profile.get(), repos.drafts.get('lab-profile', 'lab')])
    const restorable = draft && (!stored || draft.savedAt > stored.updatedAt)
    return {
      stored: stored ?? null,
      restored: restorable ? { value: draft.value as LabProfile, savedAt: draft.savedAt } : null,
    }
  }, 'lab')
  if (loaded === undefined) return <p className="muted">Loading…</p>
  return <LabProfileEditor stored={loaded.stored} restored={loaded.restored} />
}

type EditorProps = {
  readonly stored: LabProfile | null
  readonly restored: { readonly value: LabProfile; readonly savedAt: string } | null
}

function LabProfileEditor({ stored, restored }: EditorProps) {
  const repos = useRepos()
  const [initial] = useState(() => stored ?? emptyProfile())
  const form = useAutosave({
    stored: initial,
    restored: restored ? { ...initial, ...restored.value } : undefined,
    schema: LabProfile,
    save: repos.profile.save,
    keepDraft: (value) => repos.drafts.keep('lab-profile', 'lab', value, entityLabel('lab-profile', value)),
    discardDraft: () => repos.drafts.discard('lab-profile', 'lab'),
    isNew: stored === null,
  })
  const { draft, update, visibleError } = form

  const setPerson = (index: number, change: Partial<Person>, field: string) =>
    update(
      (p) => ({ ...p, people: p.people.map((person, i) => (i === index ? { ...person, ...change } : person)) }),
      `people.${index}.${field}`,
    )

  return (
    <section aria-labelledby="lab-title" className="editor">
      <h1 id="lab-title">Lab profile</h1>
      <EditorStatus form={form} restoredAt={restored?.savedAt} />
      <TextField
        label="Lab name"
        value={draft.name}
        error={visibleError('name')}
        onChange={(name) => update((p) => ({ ...p, name }), 'name')}
      />
      <h2>People</h2>
      <p className="muted">
        Everyone who records, reviews or signs. People have no passwords; the signing key has one.
      </p>
      {draft.people.length === 0 ? <p className="muted">No people yet.</p> : null}
      <ol className="rows">
        {draft.people.map((person, index) => (
          <RowGroup key={person.id} label={`Person ${index + 1}`}>
            <TextField
              label="Name"
              value={person.name}
              error={visibleError(`people.${index}.name`)}
              onChange={(name) => setPerson(index, { name }, 'name')}
            />
            <TextField
              label="Initials"
              value={person.initials}
              error={visibleError(`people.${index}.initials`)}
              onChange={(initials) => setPerson(index, { initials: initials.toUpperCase() }, 'initials')}
            />
            <SelectField<Role>
              label="Role"
              value={person.role}
              options={roles.map((role) => ({ value: role, label: roleLabels[role] }))}
              onChange={(role) => setPerson(index, { role }, 'role')}
            />
            <button
              type="button"
              className="remove"
              aria-label={`Remove ${person.name || `person ${index + 1}`}`}
              onClick={() => update((p) => ({ ...p, people: p.people.filter((_, i) => i !== index) }), 'people')}
            >
              Remove
            </button>
          </RowGroup>
        ))}
      </ol>
      <button
        type="button"
        onClick={() =>
          update((p) => ({ ...p, people: [...p.people, { id: newId(), name: '', initials: '', role: 'tester' }] }))
        }
      >
        Add person
      </button>
    </section>
  )
}
