import type { Hub } from '../../../core/model/hub'
import type { PageProps } from '../../app/feature'
import { newId, nowIso } from '../../app/record-stamps'
import { useRepos } from '../../app/services-context'
import { RecordPage } from '../../ui/RecordPage'
import { recordTarget } from '../../widgets/archive/archive-target'
import { HubEditor } from './HubEditor'

const newHub = (): Hub => ({
  id: newId(),
  brand: '',
  modelNumber: '',
  name: '',
  asins: [],
  firmware: '',
  createdAt: nowIso(),
  updatedAt: nowIso(),
})

/** "#/hubs/<id>" (or "new"): one hub's editor. */
export function HubEditorPage({ params }: PageProps<':id'>) {
  const repos = useRepos()
  return (
    <RecordPage
      kind="hub"
      section="hubs"
      id={params.id}
      what="hub"
      get={repos.hubs.get}
      makeNew={newHub}
      archive={(h) => recordTarget('hub', 'hub', repos.hubs, h.id)}
    >
      {(ready, { archived }) => <HubEditor loaded={ready} archived={archived} />}
    </RecordPage>
  )
}
