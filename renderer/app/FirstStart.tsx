import { useEffect, useState } from 'react'
import { describeProblem } from '../../core/outcome'
import { LabProfile, roleLabels, roles, type Role } from '../../core/model/lab-profile'
import { fieldErrors } from '../ui/field-errors'
import { SelectField, TextField } from '../ui/Field'
import { newId, nowIso } from './record-stamps'
import { href, navigate } from './route'
import { useServices } from './services-context'
import { actorFor } from './working-as'
import './FirstStart.css'

type Answers = { lab: string; name: string; initials: string; role: Role }

/**
 * The first start of a new installation: the lab's name and the first person,
 * then who is working at this bench. Nothing is said about what is missing
 * until the person tries to go on.
 */
export function FirstStart() {
  const { repos, workingAs } = useServices()
  const [answers, setAnswers] = useState<Answers>({ lab: '', name: '', initials: '', role: 'manager' })
  // How many times the person tried to go on: after each, the first field that needs an answer gets the focus.
  const [tried, setTried] = useState(0)
  const [problem, setProblem] = useState<string | null>(null)
  const [saved, setSaved] = useState<LabProfile | null>(null)
  const [personId] = useState(newId)

  const profile: LabProfile = {
    id: 'lab',
    name: answers.lab,
    people: [{ id: personId, name: answers.name, initials: answers.initials, role: answers.role }],
    updatedAt: nowIso(),
  }
  const checked = LabProfile.safeParse(profile)
  const errors = tried > 0 ? fieldErrors(checked.error) : new Map<string, string>()
  useEffect(() => {
    if (tried > 0) document.querySelector<HTMLElement>('.first-start [aria-invalid="true"]')?.focus()
  }, [tried])
  const set = (change: Partial<Answers>) => setAnswers((now) => ({ ...now, ...change }))

  const save = async () => {
    setTried((n) => n + 1)
    setProblem(null)
    if (!checked.success) return
    const stored = await repos.profile.save(checked.data)
    if (stored.ok) setSaved(stored.value)
    else setProblem(describeProblem(stored.problem))
  }

  const begin = async (as: string | null) => {
    workingAs.set(actorFor(saved ?? undefined, as))
    await repos.settings.setWorkingAs(as)
    navigate(href('products'))
  }

  if (saved !== null) {
    const person = saved.people[0]
    return (
      <section className="first-start" aria-labelledby="first-start-title">
        <h1 id="first-start-title">Who is working at this bench?</h1>
        <p>
          Every change is recorded in the audit trail in the name of the person working. Change it at any time under
          “Working as”, and add the lab’s other people under Lab profile.
        </p>
        <div className="first-start__buttons">
          {person ? (
            <button type="button" className="primary" autoFocus onClick={() => void begin(person.id)}>
              Work as {person.name}
            </button>
          ) : null}
          <button type="button" onClick={() => void begin(null)}>
            Nobody yet (this workstation)
          </button>
        </div>
      </section>
    )
  }

  return (
    <section className="first-start" aria-labelledby="first-start-title">
      <h1 id="first-start-title">Welcome to WWA Lab</h1>
      <p>
        Name the lab and yourself to begin. Everything stays on this computer; people have no passwords, and more can be
        added later under Lab profile.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <TextField
          label="Lab name"
          value={answers.lab}
          autoFocus
          error={errors.get('name')}
          onChange={(lab) => set({ lab })}
        />
        <fieldset className="first-start__person">
          <legend>You</legend>
          <TextField
            label="Your name"
            value={answers.name}
            error={errors.get('people.0.name')}
            onChange={(name) => set({ name })}
          />
          <TextField
            label="Initials"
            value={answers.initials}
            hint="1 to 4 capital letters, e.g. JD."
            error={errors.get('people.0.initials')}
            onChange={(initials) => set({ initials: initials.toUpperCase() })}
          />
          <SelectField<Role>
            label="Role"
            value={answers.role}
            options={roles.map((role) => ({ value: role, label: roleLabels[role] }))}
            onChange={(role) => set({ role })}
          />
        </fieldset>
        {problem ? (
          <p role="alert" className="field-error">
            {problem}
          </p>
        ) : null}
        <button type="submit" className="primary">
          Continue
        </button>
      </form>
    </section>
  )
}
