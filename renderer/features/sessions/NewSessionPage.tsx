import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { pickable } from '../../../core/model/archived'
import { entityLabel } from '../../../core/model/entity'
import { activePeople } from '../../../core/model/lab-profile'
import { describeProblem } from '../../../core/outcome'
import { countOf } from '../../../core/text/plural'
import { marketplaceByCode, regionNames, regionOf, type Region } from '../../../core/model/marketplace'
import { Session } from '../../../core/model/session'
import type { PageProps } from '../../app/feature'
import { href, navigate } from '../../app/route'
import { newId, nowIso } from '../../app/record-stamps'
import { useRepos } from '../../app/services-context'
import { useWorkingAs } from '../../app/working-as'
import { fieldErrors } from '../../ui/field-errors'
import { SelectField } from '../../ui/Field'

type Choice = {
  readonly productId: string
  readonly unitId: string
  readonly versionId: string
  readonly testerId: string
  readonly region: Region | ''
  readonly marketplaces: readonly string[]
}

/** Starts a session: which unit of which product, which plan version, who tests, and where. */
export function NewSessionPage({ query }: PageProps) {
  const productId = query.get('product')
  const unitId = query.get('unit')
  const repos = useRepos()
  const actor = useWorkingAs()
  const data = useLiveQuery(async () => {
    const [products, units, plans, profile] = await Promise.all([
      repos.products.list(),
      repos.units.list(),
      repos.plans.list(),
      repos.profile.get(),
    ])
    // Only people who still work in the lab can test.
    // Archived products, units and plans are not offered, unless the address chose them.
    return {
      products: pickable(products, productId),
      units: pickable(units, unitId),
      plans: plans.filter((p) => !p.archived),
      people: activePeople(profile),
    }
  }, [repos, productId, unitId])
  const [choice, setChoice] = useState<Choice>({
    productId: productId ?? '',
    unitId: unitId ?? '',
    versionId: '',
    testerId: '',
    region: '',
    marketplaces: [],
  })
  const [problem, setProblem] = useState<string>()
  // The plan the product's newest session ran: its newest version is offered first.
  const lastPlanId = useLiveQuery(
    async () =>
      choice.productId ? ((await repos.sessions.forProduct(choice.productId))[0]?.plan.planId ?? null) : null,
    [repos, choice.productId],
  )
  const versionId = choice.versionId || suggestedVersion(data?.plans ?? [], lastPlanId ?? null)
  // The chosen version's cases, read when it is chosen: the list itself carries only summaries.
  const plan = useLiveQuery(
    async () => (versionId ? ((await repos.plans.getVersion(versionId)) ?? null) : null),
    [repos, versionId],
  )
  const [tried, setTried] = useState(false)
  if (!data) return <p className="muted">Loading…</p>

  const product = data.products.find((p) => p.id === choice.productId)
  const units = data.units.filter((u) => u.productId === choice.productId)
  const regions = [...new Set((product?.marketplaces ?? []).map(regionOf))]
  const inRegion = (product?.marketplaces ?? []).filter((m) => choice.region !== '' && regionOf(m) === choice.region)
  // The person at the bench tests, unless another tester is chosen; the workstation is nobody.
  const testerId = choice.testerId || (data.people.some((p) => p.id === actor.id) ? actor.id : '')

  // A product with one unit has only that one to test.
  const chosenUnitId = choice.unitId || (units.length === 1 ? (units[0]?.id ?? '') : '')
  const unit = units.find((u) => u.id === chosenUnitId)
  const draft = plan && {
    id: newId(),
    productId: choice.productId,
    unitId: chosenUnitId,
    unitAsTested: {
      serialNumber: unit?.serialNumber ?? '',
      firmware: unit?.firmware ?? '',
      hardwareRevision: unit?.hardwareRevision ?? '',
    },
    plan: { planId: plan.planId, versionId: plan.id, name: plan.name, version: plan.version, cases: plan.cases },
    testerId,
    testerName: data.people.find((p) => p.id === testerId)?.name ?? '',
    region: choice.region,
    marketplaces: choice.marketplaces,
    state: 'draft',
    outcome: null,
    startedAt: null,
    completedAt: null,
    createdAt: nowIso(),
    updatedAt: nowIso(),
  }
  const parsed = draft ? Session.safeParse(draft) : undefined
  const errors = tried ? fieldErrors(parsed && !parsed.success ? parsed.error : undefined) : new Map<string, string>()
  const set = (change: Partial<Choice>) => setChoice((c) => ({ ...c, ...change }))

  const create = async () => {
    setTried(true)
    if (!parsed?.success) {
      setProblem(plan ? 'Some choices are missing; see the fields marked above.' : 'Choose the test plan to run.')
      return
    }
    const created = await repos.sessions.create(parsed.data)
    const started = created.ok ? await repos.sessions.start(created.value.id) : created
    if (started.ok) navigate(href('sessions', started.value.id))
    else setProblem(describeProblem(started.problem))
  }

  return (
    <section aria-labelledby="new-session-title" className="editor">
      <p>
        <a href={href('sessions')}>← Sessions</a>
      </p>
      <h1 id="new-session-title">New session</h1>
      <div className="grid">
        <SelectField
          label="Product"
          value={choice.productId}
          error={errors.get('productId')}
          options={[
            { value: '', label: 'Choose a product' },
            ...data.products.map((p) => ({ value: p.id, label: entityLabel('product', p) })),
          ]}
          onChange={(v) => set({ productId: v, unitId: '', region: '', marketplaces: [] })}
        />
        <SelectField
          label="Unit under test"
          value={chosenUnitId}
          error={errors.get('unitId')}
          hint={
            product && units.length === 0
              ? 'This product has no units yet: record the unit you received first.'
              : undefined
          }
          options={[
            { value: '', label: 'Choose the unit' },
            ...units.map((u) => ({ value: u.id, label: `Serial ${u.serialNumber} · firmware ${u.firmware}` })),
          ]}
          onChange={(v) => set({ unitId: v })}
        />
        <SelectField
          label="Test plan"
          value={versionId}
          hint={data.plans.length === 0 ? 'No test plans yet: import or type one under Test plans.' : undefined}
          options={[
            { value: '', label: 'Choose a plan' },
            ...data.plans.map((p) => ({
              value: p.latest.id,
              label: `${p.latest.name} v${p.latest.version} (${countOf(p.latest.caseCount, 'case')})`,
            })),
          ]}
          onChange={(v) => set({ versionId: v })}
        />
        <SelectField
          label="Tester"
          value={testerId}
          error={errors.get('testerId')}
          hint={data.people.length === 0 ? 'No people yet: add the lab’s testers under Lab profile.' : undefined}
          options={[
            { value: '', label: 'Choose the tester' },
            ...data.people.map((p) => ({ value: p.id, label: p.name })),
          ]}
          onChange={(v) => set({ testerId: v })}
        />
        <SelectField
          label="Region"
          value={choice.region}
          error={errors.get('region')}
          options={[
            { value: '', label: product ? 'Choose a region' : 'Choose a product first' },
            ...regions.map((r) => ({ value: r, label: regionNames[r] })),
          ]}
          onChange={(v) =>
            set({ region: v, marketplaces: (product?.marketplaces ?? []).filter((m) => v !== '' && regionOf(m) === v) })
          }
        />
      </div>
      <fieldset>
        <legend>Marketplaces in scope</legend>
        {inRegion.length === 0 ? <p className="muted">Choose a product and a region.</p> : null}
        {inRegion.map((code) => (
          <label key={code} className="check">
            <input
              type="checkbox"
              checked={choice.marketplaces.includes(code)}
              onChange={(e) =>
                set({
                  marketplaces: e.target.checked
                    ? [...choice.marketplaces, code]
                    : choice.marketplaces.filter((m) => m !== code),
                })
              }
            />
            {marketplaceByCode(code)?.name ?? code} ({code})
          </label>
        ))}
        {errors.get('marketplaces') ? <p className="field-error">{errors.get('marketplaces')}</p> : null}
      </fieldset>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <button type="button" className="primary" onClick={() => void create()}>
        Start session
      </button>
    </section>
  )
}

/**
 * The plan version a new session of a product starts with: the newest version of
 * the plan its last session ran, or the lab's only plan; none when it cannot tell.
 */
function suggestedVersion(
  plans: readonly { readonly planId: string; readonly latest: { readonly id: string } }[],
  lastPlanId: string | null,
): string {
  const last = plans.find((p) => p.planId === lastPlanId)
  return (last ?? (plans.length === 1 ? plans[0] : undefined))?.latest.id ?? ''
}
