import { useLiveQuery } from 'dexie-react-hooks'
import { useRepos } from '../../app/services-context'
import { RecordListPage } from '../../ui/RecordListPage'
import { hubColumns } from './hub-columns'

/** "#/hubs": every hub, with the New hub button. */
export function HubsList() {
  const repos = useRepos()
  const rows = useLiveQuery(() => repos.hubs.list(), [repos])
  return (
    <RecordListPage
      kind="hub"
      section="hubs"
      title="Hubs"
      newLabel="New hub"
      rows={rows}
      columns={hubColumns}
      empty="No hubs yet."
      exists={repos.hubs.get}
    />
  )
}
