import { useLiveQuery } from 'dexie-react-hooks'
import { Hub } from '../../../core/model/hub'
import { checkAsin } from '../../../core/rules/asin'
import { href, type Route } from '../../app/route'
import { newId, nowIso } from '../../app/record-stamps'
import { useRepos } from '../../app/services-context'
import { TextField } from '../../forms/Field'
import { RowGroup } from '../../forms/RowGroup'
import { RecordGate } from '../../forms/RecordGate'
import { EditorStatus } from '../../forms/EditorStatus'
import { useRecord, type ReadyRecord } from '../../forms/use-record'
import { useRecordEditor } from '../../forms/use-record-editor'
import { UnsavedDrafts } from '../../forms/UnsavedDrafts'
import { DataTable } from '../../table/DataTable'
import { listColumnHelper } from '../../table/table-features'

const column = listColumnHelper<Hub>()
const hubColumns = column.columns([
  column.accessor('modelNumber', {
    header: 'Model number',
    enableHiding: false,
    sortFn: 'alphanumeric',
    cell: (info) => <a href={href('hubs', info.row.original.id)}>{info.getValue()}</a>,
  }),
  column.accessor('brand', { header: 'Brand', sortFn: 'text' }),
  column.accessor('name', { header: 'Name', sortFn: 'text' }),
  column.accessor((h) => h.asins.join(', '), { id: 'asins', header: 'ASINs', sortFn: 'text' }),
  column.accessor('firmware', { header: 'Firmware', sortFn: 'alphanumeric' }),
])

const newHub = (): Hub => ({ id: newId(), brand: '', modelNumber: '', name: '', asins: [], firmware: '', createdAt: nowIso(), updatedAt: nowIso() })

export function HubsSection({ route }: { route: Route }) {
  return route.id ? <HubPage key={route.id} id={route.id} /> : <HubsList />
}

function HubsList() {
  const repos = useRepos()
  const hubs = useLiveQuery(() => repos.hubs.list(), [repos])
  return (
    <section aria-labelledby="hubs-title">
      <header className="section-header">
        <h1 id="hubs-title">Hubs</h1>
        <a className="button primary" href={href('hubs', 'new')}>
          New hub
        </a>
      </header>
      <UnsavedDrafts kind="hubs" exists={repos.hubs.get} />
      {hubs === undefined ? (
        <p className="muted">Loading…</p>
      ) : (
        <DataTable label="Hubs" columns={hubColumns} data={hubs} rowId={(h) => h.id} empty="No hubs yet." />
      )}
    </section>
  )
}

function HubPage({ id }: { id: string }) {
  const repos = useRepos()
  const loaded = useRecord('hubs', id, repos.hubs.get, newHub)
  return (
    <RecordGate loaded={loaded} what="hub" backHref={href('hubs')}>
      {(ready) => <HubEditor loaded={ready} />}
    </RecordGate>
  )
}

function HubEditor({ loaded }: { loaded: ReadyRecord<Hub> }) {
  const repos = useRepos()
  const form = useRecordEditor({ kind: 'hubs', loaded, schema: Hub, save: repos.hubs.save, title: (h) => `${h.brand} ${h.modelNumber}`.trim() || 'Untitled hub' })
  const isNew = loaded.isNew
  const { draft, update, visibleError } = form
  const set = <K extends keyof Hub>(key: K, value: Hub[K]) => update((h) => ({ ...h, [key]: value }), key)
  return (
    <section aria-labelledby="hub-title" className="editor">
      <p>
        <a href={href('hubs')}>← Hubs</a>
      </p>
      <h1 id="hub-title">{draft.modelNumber ? `Hub ${draft.brand} ${draft.modelNumber}` : 'New hub'}</h1>
      <EditorStatus form={form} restoredAt={loaded.restored?.savedAt} />
      <div className="grid">
        <TextField label="Brand" value={draft.brand} error={visibleError('brand')} onChange={(v) => set('brand', v)} autoFocus={isNew} />
        <TextField label="Model number" value={draft.modelNumber} error={visibleError('modelNumber')} onChange={(v) => set('modelNumber', v)} />
        <TextField label="Name" value={draft.name} error={visibleError('name')} onChange={(v) => set('name', v)} />
        <TextField label="Firmware" value={draft.firmware} error={visibleError('firmware')} onChange={(v) => set('firmware', v)} />
      </div>
      <fieldset>
        <legend>Hub ASINs</legend>
        <ol className="rows">
          {draft.asins.map((asin, index) => {
            const check = checkAsin(asin)
            return (
              <RowGroup key={index} label={`Hub ASIN ${index + 1}`}>
                <TextField
                  label="ASIN"
                  value={asin}
                  error={visibleError(`asins.${index}`)}
                  warning={check.ok ? check.warning : undefined}
                  onChange={(v) => update((h) => ({ ...h, asins: h.asins.map((a, i) => (i === index ? v.trim() : a)) }), `asins.${index}`)}
                />
                <button
                  type="button"
                  className="remove"
                  aria-label={`Remove hub ASIN ${asin || index + 1}`}
                  onClick={() => update((h) => ({ ...h, asins: h.asins.filter((_, i) => i !== index) }), 'asins')}
                >
                  Remove
                </button>
              </RowGroup>
            )
          })}
        </ol>
        <button type="button" onClick={() => update((h) => ({ ...h, asins: [...h.asins, ''] }))}>
          Add hub ASIN
        </button>
      </fieldset>
    </section>
  )
}
