import { useLiveQuery } from 'dexie-react-hooks'
import type { Hub } from '../../../core/model/hub'
import { nowIso, newId } from '../../app/record-stamps'
import type { Route } from '../../app/route'
import { useRepos } from '../../app/services-context'
import { RecordListPage } from '../../ui/RecordListPage'
import { RecordPage } from '../../ui/RecordPage'
import { hubColumns } from './hub-columns'
import { HubEditor } from './HubEditor'

const newHub = (): Hub => ({ id: newId(), brand: '', modelNumber: '', name: '', asins: [], firmware: '', createdAt: nowIso(), updatedAt: nowIso() })

export function HubsSection({ route }: { route: Route }) {
  const repos = useRepos()
  if (!route.id) return <HubsList />
  return (
    <RecordPage key={route.id} kind="hubs" id={route.id} what="hub" get={repos.hubs.get} makeNew={newHub}>
      {(ready) => <HubEditor loaded={ready} />}
    </RecordPage>
  )
}

function HubsList() {
  const repos = useRepos()
  const rows = useLiveQuery(() => repos.hubs.list(), [repos])
  return <RecordListPage kind="hubs" title="Hubs" newLabel="New hub" rows={rows} columns={hubColumns} empty="No hubs yet." exists={repos.hubs.get} />
}
