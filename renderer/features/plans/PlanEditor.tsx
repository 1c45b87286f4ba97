import { useLiveQuery } from 'dexie-react-hooks'
import type { PlanVersion } from '../../../core/model/test-plan'
import { href } from '../../app/route'
import { useRepos } from '../../app/services-context'
import { EditorStatus } from '../../ui/EditorStatus'
import { TextField } from '../../ui/Field'
import type { ReadyRecord } from '../../hooks/use-record'
import { CasesGrid } from './CasesGrid'
import { countCases, describeSource } from './plan-labels'
import { PlanHistory } from './PlanHistory'
import { usePlanAutosave } from './use-plan-autosave'
import './plans.css'

/** Typing a plan in, or correcting one: saved as it is typed, into a new version when a session ran this one. */
export function PlanEditor({ loaded }: { loaded: ReadyRecord<PlanVersion> }) {
  const repos = useRepos()
  const { form, fork } = usePlanAutosave(loaded)
  const { draft, update, visibleError } = form
  const current = fork?.to ?? loaded.record
  const used =
    useLiveQuery(() => (form.exists ? repos.plans.isUsed(current.id) : false), [repos, current.id, form.exists]) ??
    false

  return (
    <section aria-labelledby="plan-title" className="editor plan-editor">
      <p>
        <a href={href('plans')}>← Test plans</a>
      </p>
      <h1 id="plan-title">{draft.name.trim() || (loaded.isNew ? 'New test plan' : 'Untitled test plan')}</h1>
      <p className="muted">
        Version {current.version} · {countCases(draft.cases.length)} · {describeSource(current.source)}
      </p>
      {fork ? (
        <p className="notice" role="status">
          Version {fork.from} was used by a session, so your edit is saved as version {fork.to.version}. Version{' '}
          {fork.from} stays exactly as that session ran it.
        </p>
      ) : used ? (
        <p className="notice">
          A session has run version {current.version}. It is kept as it ran: your first change here is saved as version{' '}
          {current.version + 1}.
        </p>
      ) : null}
      <EditorStatus form={form} restoredAt={loaded.restored?.savedAt} />

      <TextField
        label="Plan name"
        value={draft.name}
        error={visibleError('name')}
        autoFocus={loaded.isNew}
        onChange={(name) => update((p) => ({ ...p, name }), 'name')}
      />
      <CasesGrid form={form} />

      {form.exists ? (
        <>
          <p>
            <a className="button" href={href('plans', 'import', { plan: current.planId })}>
              Import a new version from a file…
            </a>
          </p>
          <PlanHistory planId={current.planId} currentId={current.id} />
        </>
      ) : null}
    </section>
  )
}
