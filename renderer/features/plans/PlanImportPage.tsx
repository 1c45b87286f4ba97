import { useLiveQuery } from 'dexie-react-hooks'
import type { PageProps } from '../../app/feature'
import { href } from '../../app/route'
import { useRepos } from '../../app/services-context'
import { ImportReview } from './ImportReview'
import { planImportLimits } from '../../../core/import/limits'
import { FileDrop, type FileDropWords } from '../../widgets/import/FileDrop'
import { usePlanFileReading } from './use-plan-file-reading'
import './plans.css'

const planDropWords: FileDropWords = {
  label: 'Plan file',
  choose: 'Choose plan file…',
  formats: 'an xlsx, CSV or JSON file',
  rows: 'cases',
}

/**
 * "#/plans/import": a plan file in, a preview with the column mapping and the
 * report of every row's problems, then one commit of all cases or none. With
 * "?plan=<planId>" the file becomes that plan's next version.
 */
export function PlanImportPage({ query }: PageProps) {
  const planId = query.get('plan')
  const repos = useRepos()
  const existing = useLiveQuery(
    async () => (planId ? ((await repos.plans.versionsOf(planId))[0] ?? null) : null),
    [repos, planId],
  )
  const reading = usePlanFileReading()
  const { state } = reading

  if (existing === undefined) return <p className="muted">Loading…</p>
  if (planId !== null && existing === null) {
    return (
      <section>
        <h1>Not found</h1>
        <p className="notice">
          The test plan to import a new version of does not exist any more. <a href={href('plans')}>Back to the list</a>
        </p>
      </section>
    )
  }
  return (
    <section aria-labelledby="plan-import-title" className="editor plan-import">
      <p>
        <a href={existing ? href('plans', existing.id) : href('plans')}>← {existing ? existing.name : 'Test plans'}</a>
      </p>
      <h1 id="plan-import-title">{existing ? `Import a new version of ${existing.name}` : 'Import a test plan'}</h1>
      <p className="muted">
        A header row, then one row per case: case ID, title, category or capability, steps, expected result, and
        required or optional; other columns are kept with each case. In a workbook, the sheet whose header looks most
        like a plan is read, and another can be chosen. Nothing is stored until every row is valid, and then all cases
        are stored at once
        {existing ? `, as version ${existing.version + 1}` : ''}.
      </p>
      <FileDrop reading={reading} words={planDropWords} limits={planImportLimits} />
      {state.kind === 'read' ? (
        <ImportReview
          key={`${state.name}:${state.read.sha256}:${state.read.table.encoding?.encoding ?? ''}:${state.read.table.sheetName ?? ''}`}
          fileName={state.name}
          read={state.read}
          existing={existing}
          onEncoding={(encoding, choices) => void reading.reread(encoding, choices)}
          onSheet={(sheet) => void reading.rereadSheet(sheet, state.read.table.sheets)}
        />
      ) : null}
    </section>
  )
}
