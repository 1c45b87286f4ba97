import type { Unit } from '../../../core/model/unit'
import type { PageProps } from '../../app/feature'
import { newId, nowIso, todayLocal } from '../../app/record-stamps'
import { useRepos } from '../../app/services-context'
import { RecordPage } from '../../ui/RecordPage'
import { recordTarget } from '../../widgets/archive/archive-target'
import { UnitEditor } from './UnitEditor'

const newUnit = (productId: string): Unit => ({
  id: newId(),
  productId,
  serialNumber: '',
  firmware: '',
  hardwareRevision: '',
  receivedOn: todayLocal(),
  receivedFrom: '',
  condition: 'new-sealed',
  conditionNotes: '',
  photos: [],
  discovery: null,
  createdAt: nowIso(),
  updatedAt: nowIso(),
})

/** "#/units/<id>" (or "new", with "?product=<id>" to preselect the product): one unit's editor. */
export function UnitEditorPage({ params, query }: PageProps<':id'>) {
  const repos = useRepos()
  return (
    <RecordPage
      kind="unit"
      section="units"
      id={params.id}
      what="unit"
      get={repos.units.get}
      makeNew={() => newUnit(query.get('product') ?? '')}
      archive={(u) => recordTarget('unit', 'unit', repos.units, u.id)}
    >
      {(ready, { archived }) => <UnitEditor loaded={ready} archived={archived} />}
    </RecordPage>
  )
}
