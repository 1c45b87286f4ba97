import type { PlanVersion } from '../../../core/model/test-plan'
import type { PageProps } from '../../app/feature'
import { newId, nowIso } from '../../app/record-stamps'
import { useRepos } from '../../app/services-context'
import { RecordPage } from '../../ui/RecordPage'
import { planTarget } from '../../widgets/archive/archive-target'
import type { ReadyRecord } from '../../hooks/use-record'
import { useLoadOnce } from '../../hooks/use-load-once'
import { blankCase } from './plan-labels'
import { PlanEditor } from './PlanEditor'
import { PlanVersionView } from './PlanVersionView'

const newPlan = (): PlanVersion => ({
  id: newId(),
  planId: newId(),
  name: '',
  version: 1,
  cases: [blankCase('TC-001')],
  source: { kind: 'typed', fileName: null, sha256: null },
  createdAt: nowIso(),
  updatedAt: nowIso(),
})

/** A plan version at "#/plans/<versionId>": the latest one opens in the editor, older ones as they were kept. */
export function PlanEditorPage({ params }: PageProps<':id'>) {
  const repos = useRepos()
  return (
    <RecordPage
      kind="plan-version"
      section="plans"
      id={params.id}
      what="test plan version"
      get={repos.plans.getVersion}
      makeNew={newPlan}
      archive={(v) => planTarget(repos.plans, v.planId)}
    >
      {(ready, { archived }) => <LatestOrKept loaded={ready} archived={archived} />}
    </RecordPage>
  )
}

function LatestOrKept({ loaded, archived }: { loaded: ReadyRecord<PlanVersion>; archived: boolean }) {
  const repos = useRepos()
  const { record } = loaded
  // Decided once, when the page opens: a save that makes a new version must not swap the editor away under the tester.
  // From the plan's summary: reading every version (each with all its cases) again would slow a large plan's open.
  const newest = useLoadOnce(async (): Promise<Pick<PlanVersion, 'id' | 'version'>> => {
    if (loaded.isNew) return record
    return (await repos.plans.summary(record.planId))?.latest ?? record
  }, record.id)
  if (newest === undefined) return <p className="muted">Loading…</p>
  // An archived plan is shown as kept, every version of it, until it is restored.
  return newest.version > record.version || archived ? (
    <PlanVersionView version={record} latest={newest} archived={archived} />
  ) : (
    <PlanEditor loaded={loaded} />
  )
}
