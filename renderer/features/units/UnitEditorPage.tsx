import type { Unit } from '../../../core/model/unit'
import { newId, nowIso, todayLocal } from '../../app/record-stamps'
import { useRepos } from '../../app/services-context'
import { RecordPage } from '../../ui/RecordPage'
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

export function UnitEditorPage({ id, productId }: { id: string; productId: string | null }) {
  const repos = useRepos()
  return (
    <RecordPage kind="units" id={id} what="unit" get={repos.units.get} makeNew={() => newUnit(productId ?? '')}>
      {(ready) => <UnitEditor loaded={ready} />}
    </RecordPage>
  )
}
