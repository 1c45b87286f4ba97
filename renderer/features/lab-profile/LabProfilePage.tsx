import { useLiveQuery } from 'dexie-react-hooks'
import { LabProfile, roleLabels, roles, type Person, type Role } from '../../../core/model/lab-profile'
import { useRepos } from '../../app/services-context'
import { newId, nowIso } from '../../app/new-id'
import { SelectField, TextField } from '../../forms/Field'
import { SaveStatusLine } from '../../forms/SaveStatusLine'
import { useAutosave } from '../../forms/use-autosave'

const emptyProfile = (): LabProfile => ({ id: 'lab', name: '', people: [], updatedAt: nowIso() })

/** The lab's name and the people who test, review and manage. */
export function LabProfilePage() {
  const repos = useRepos()
  const stored = useLiveQuery(async () => (await repos.profile.get()) ?? null, [repos])
  if (stored === undefined) return <p className="muted">Loading…</p>
  return <LabProfileEditor initial={stored ?? emptyProfile()} isNew={stored === null} />
}

function LabProfileEditor({ initial, isNew }: { initial: LabProfile; isNew: boolean }) {
  const repos = useRepos()
  const form = useAutosave({ initial, schema: LabProfile, save: repos.profile.save, isNew })
  const { draft, update, visibleError } = form

  const setPerson = (index: number, change: Partial<Person>, field: string) =>
    update((p) => ({ ...p, people: p.people.map((person, i) => (i === index ? { ...person, ...change } : person)) }), `people.${index}.${field}`)

  return (
    <section aria-labelledby="lab-title" className="editor">
      <h1 id="lab-title">Lab profile</h1>
      <SaveStatusLine status={form.status} onShowProblems={form.revealErrors} />
      <TextField
        label="Lab name"
        value={draft.name}
        error={visibleError('name')}
        onChange={(name) => update((p) => ({ ...p, name }), 'name')}
      />
      <h2>People</h2>
      <p className="muted">Everyone who records, reviews or signs. People have no passwords; the signing key has one.</p>
      {draft.people.length === 0 ? <p className="muted">No people yet.</p> : null}
      <ol className="rows">
        {draft.people.map((person, index) => (
          <li key={person.id} className="row-editor" aria-label={`Person ${index + 1}`}>
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
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() => update((p) => ({ ...p, people: [...p.people, { id: newId(), name: '', initials: '', role: 'tester' }] }))}
      >
        Add person
      </button>
    </section>
  )
}
