import { useLiveQuery } from 'dexie-react-hooks'
import { commonDeviceTypes, connectionLabels, connectionMethods, Product, type ConnectionMethod } from '../../../core/model/product'
import { href } from '../../app/route'
import { useRepos } from '../../app/services-context'
import { SelectField, TextField } from '../../forms/Field'
import { SaveStatusLine } from '../../forms/SaveStatusLine'
import { useAutosave } from '../../forms/use-autosave'
import { useSaver } from '../../forms/use-saver'
import { PhotoGallery } from '../photos/PhotoGallery'
import { AsinsEditor } from './AsinsEditor'
import { MarketplacePicker } from './MarketplacePicker'
import { ProductUnits } from './ProductUnits'
import { RetailIdsEditor } from './RetailIdsEditor'
import { VariationsEditor } from './VariationsEditor'

export type ProductForm = ReturnType<typeof useAutosave<Product>>

export function ProductEditor({ initial, isNew }: { initial: Product; isNew: boolean }) {
  const repos = useRepos()
  const save = useSaver('products', repos.products.save, isNew)
  const form = useAutosave({ initial, schema: Product, save, isNew })
  const { draft, update, visibleError } = form
  const hubs = useLiveQuery(() => repos.hubs.list(), [repos]) ?? []
  const skills = useLiveQuery(() => repos.skills.list(), [repos]) ?? []
  const set = <K extends keyof Product>(key: K, value: Product[K]) => update((p) => ({ ...p, [key]: value }), key)

  return (
    <section aria-labelledby="product-title" className="editor">
      <p>
        <a href={href('products')}>← Products</a>
      </p>
      <h1 id="product-title">{draft.modelNumber ? `${draft.brand} ${draft.modelNumber}`.trim() : 'New product'}</h1>
      <SaveStatusLine status={form.status} onShowProblems={form.revealErrors} />

      <fieldset>
        <legend>Identity</legend>
        <div className="grid">
          <TextField label="Brand" value={draft.brand} error={visibleError('brand')} onChange={(v) => set('brand', v)} autoFocus={isNew} />
          <TextField
            label="Model number"
            value={draft.modelNumber}
            error={visibleError('modelNumber')}
            hint="Exactly as given in the certification request."
            onChange={(v) => set('modelNumber', v)}
          />
          <TextField label="Product name" value={draft.name} error={visibleError('name')} onChange={(v) => set('name', v)} />
          <TextField
            label="Device type"
            value={draft.deviceType}
            list="device-types"
            error={visibleError('deviceType')}
            onChange={(v) => set('deviceType', v)}
          />
          <datalist id="device-types">
            {commonDeviceTypes.map((type) => (
              <option key={type} value={type} />
            ))}
          </datalist>
          <SelectField<ConnectionMethod>
            label="Connection to Alexa"
            value={draft.connection}
            options={connectionMethods.map((m) => ({ value: m, label: connectionLabels[m] }))}
            onChange={(connection) =>
              update((p) => ({ ...p, connection, hubId: connection === 'hub' ? p.hubId : null }), 'connection')
            }
          />
          {draft.connection === 'hub' ? (
            <SelectField
              label="Tested hub"
              value={draft.hubId ?? ''}
              error={visibleError('hubId')}
              hint={hubs.length === 0 ? 'No hubs yet: add the tested hub under Hubs.' : undefined}
              options={[{ value: '', label: 'Not chosen yet' }, ...hubs.map((h) => ({ value: h.id, label: `${h.brand} ${h.modelNumber}` }))]}
              onChange={(v) => set('hubId', v === '' ? null : v)}
            />
          ) : null}
          <SelectField
            label="Alexa skill"
            value={draft.skillRecordId ?? ''}
            options={[{ value: '', label: 'No skill' }, ...skills.map((s) => ({ value: s.id, label: s.name }))]}
            onChange={(v) => set('skillRecordId', v === '' ? null : v)}
          />
        </div>
      </fieldset>

      <MarketplacePicker form={form} />
      <VariationsEditor form={form} />
      <AsinsEditor form={form} />
      <RetailIdsEditor form={form} />

      <fieldset>
        <legend>Reference images</legend>
        <p className="muted">The product images submitted when the product was registered for certification.</p>
        <PhotoGallery
          label="Reference images"
          fileIds={draft.referencePhotoIds}
          onAdd={(ids) => update((p) => ({ ...p, referencePhotoIds: [...p.referencePhotoIds, ...ids] }), 'referencePhotoIds')}
          onRemove={(id) => update((p) => ({ ...p, referencePhotoIds: p.referencePhotoIds.filter((x) => x !== id) }), 'referencePhotoIds')}
        />
      </fieldset>

      {isNew && form.status.kind !== 'saved' ? null : <ProductUnits product={draft} />}
    </section>
  )
}
