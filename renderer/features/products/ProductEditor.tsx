import { useLiveQuery } from 'dexie-react-hooks'
import { pickable, pickerLabel } from '../../../core/model/archived'
import { entityLabel } from '../../../core/model/entity'
import {
  commonDeviceTypes,
  connectionLabels,
  connectionMethods,
  Product,
  type ConnectionMethod,
} from '../../../core/model/product'
import { href } from '../../app/route'
import { useRepos } from '../../app/services-context'
import { SelectField, TextField } from '../../ui/Field'
import { EditorStatus } from '../../ui/EditorStatus'
import type { useAutosave } from '../../hooks/use-autosave'
import type { ReadyRecord } from '../../hooks/use-record'
import { useRecordEditor } from '../../hooks/use-record-editor'
import { PhotoGallery } from '../../widgets/photos/PhotoGallery'
import { EditableFields } from '../../ui/EditableFields'
import { AsinsEditor } from './AsinsEditor'
import { MarketplacePicker } from './MarketplacePicker'
import { ProductHistory } from './ProductHistory'
import { ProductUnits } from './ProductUnits'
import { RetailIdsEditor } from './RetailIdsEditor'
import { VariationsEditor } from './VariationsEditor'

export type ProductForm = ReturnType<typeof useAutosave<Product>>

export function ProductEditor({ loaded, archived = false }: { loaded: ReadyRecord<Product>; archived?: boolean }) {
  const repos = useRepos()
  const form = useRecordEditor({
    kind: 'product',
    section: 'products',
    loaded,
    schema: Product,
    save: repos.products.save,
    title: (p) => entityLabel('product', p),
  })
  const isNew = loaded.isNew
  const { draft, update, visibleError } = form
  const hubs = useLiveQuery(() => repos.hubs.list(), [repos]) ?? []
  const skills = useLiveQuery(() => repos.skills.list(), [repos]) ?? []
  const set = <K extends keyof Product>(key: K, value: Product[K]) => update((p) => ({ ...p, [key]: value }), key)

  return (
    <section aria-labelledby="product-title" className="editor">
      <p>
        <a href={href('products')}>← Products</a>
      </p>
      <h1 id="product-title">{draft.modelNumber ? entityLabel('product', draft) : 'New product'}</h1>
      <EditorStatus form={form} restoredAt={loaded.restored?.savedAt} />

      <EditableFields archived={archived}>
        <fieldset>
          <legend>Identity</legend>
          <div className="grid">
            <TextField
              label="Brand"
              value={draft.brand}
              error={visibleError('brand')}
              onChange={(v) => set('brand', v)}
              autoFocus={isNew}
            />
            <TextField
              label="Model number"
              value={draft.modelNumber}
              error={visibleError('modelNumber')}
              hint="Exactly as given in the certification request."
              onChange={(v) => set('modelNumber', v)}
            />
            <TextField
              label="Product name"
              value={draft.name}
              error={visibleError('name')}
              onChange={(v) => set('name', v)}
            />
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
                hint={
                  hubs.length === 0
                    ? 'No hubs yet: add the tested hub under Hubs.'
                    : pickable(hubs, draft.hubId).length === 0
                      ? 'Every hub is archived: restore the tested hub under Hubs, or add it there.'
                      : undefined
                }
                options={[
                  { value: '', label: 'Not chosen yet' },
                  ...pickable(hubs, draft.hubId).map((h) => ({
                    value: h.id,
                    label: pickerLabel(entityLabel('hub', h), h),
                  })),
                ]}
                onChange={(v) => set('hubId', v === '' ? null : v)}
              />
            ) : null}
            <SelectField
              label="Alexa skill"
              value={draft.skillRecordId ?? ''}
              options={[
                { value: '', label: 'No skill' },
                ...pickable(skills, draft.skillRecordId).map((s) => ({ value: s.id, label: pickerLabel(s.name, s) })),
              ]}
              onChange={(v) => set('skillRecordId', v === '' ? null : v)}
            />
          </div>
        </fieldset>

        <MarketplacePicker form={form} />
        <VariationsEditor form={form} />
        <AsinsEditor form={form} />
        <RetailIdsEditor form={form} />
      </EditableFields>

      <fieldset>
        <legend>Reference images</legend>
        <p className="muted">The product images submitted when the product was registered for certification.</p>
        <PhotoGallery
          label="Reference images"
          readOnly={archived}
          fileIds={draft.referencePhotoIds}
          onAdd={(ids) =>
            update(
              (p) => ({
                ...p,
                referencePhotoIds: [...p.referencePhotoIds, ...ids.filter((id) => !p.referencePhotoIds.includes(id))],
              }),
              'referencePhotoIds',
            )
          }
          onRemove={(id) =>
            update(
              (p) => ({ ...p, referencePhotoIds: p.referencePhotoIds.filter((x) => x !== id) }),
              'referencePhotoIds',
            )
          }
        />
      </fieldset>

      {form.exists ? (
        <>
          <ProductUnits product={draft} />
          <ProductHistory product={draft} />
        </>
      ) : null}
    </section>
  )
}
