import type { Unit } from '../../../core/model/unit'
import { href } from '../../app/route'
import { newId, nowIso, todayLocal } from '../../app/record-stamps'
import { useRepos } from '../../app/services-context'
import { RecordGate } from '../../forms/RecordGate'
import { useRecord } from '../../forms/use-record'
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
  const loaded = useRecord('units', id, repos.units.get, () => newUnit(productId ?? ''))
  return (
    <RecordGate loaded={loaded} what="unit" backHref={href('units')}>
      {(ready) => <UnitEditor loaded={ready} />}
    </RecordGate>
  )
}
