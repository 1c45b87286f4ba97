import { useState } from 'react'
import { entityLabel } from '../../../core/model/entity'
import { LabProfile, type Person } from '../../../core/model/lab-profile'
import { useRepos } from '../../app/services-context'
import { newId, nowIso } from '../../app/record-stamps'
import { TextField } from '../../ui/Field'
import { EditorStatus } from '../../ui/EditorStatus'
import { useAutosave } from '../../hooks/use-autosave'
import { useLoadOnce } from '../../hooks/use-load-once'
import { PersonRow } from './PersonRow'

const withoutDeactivation = ({ deactivatedAt: _left, ...person }: Person): Person => person

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
    noteDraft: (value) => repos.drafts.note('lab-profile', 'lab', value, entityLabel('lab-profile', value)),
    discardDraft: () => repos.drafts.discard('lab-profile', 'lab'),
    isNew: stored === null,
  })
  const { draft, update, visibleError } = form
  // The person just added gets the cursor in their name.
  const [justAdded, setJustAdded] = useState<string | null>(null)

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
          <PersonRow
            key={person.id}
            person={person}
            index={index}
            focusName={person.id === justAdded}
            errorOf={visibleError}
            onChange={(change, field) => setPerson(index, change, field)}
            onRemove={() => update((p) => ({ ...p, people: p.people.filter((_, i) => i !== index) }), 'people')}
            onDeactivate={() => setPerson(index, { deactivatedAt: nowIso() }, 'deactivatedAt')}
            onReactivate={() =>
              update(
                (p) => ({ ...p, people: p.people.map((each, i) => (i === index ? withoutDeactivation(each) : each)) }),
                `people.${index}.deactivatedAt`,
              )
            }
          />
        ))}
      </ol>
      <button
        type="button"
        onClick={() => {
          const id = newId()
          setJustAdded(id)
          update((p) => ({ ...p, people: [...p.people, { id, name: '', initials: '', role: 'tester' }] }))
        }}
      >
        Add person
      </button>
    </section>
  )
}
