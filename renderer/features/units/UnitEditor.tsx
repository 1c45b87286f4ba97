import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo, useState } from 'react'
import { pickable, pickerLabel } from '../../../core/model/archived'
import { entityLabel } from '../../../core/model/entity'
import {
  conditionLabels,
  photoRoleLabels,
  photoRoles,
  Unit,
  unitConditions,
  type PhotoRole,
  type UnitCondition,
} from '../../../core/model/unit'
import { href } from '../../app/route'
import { useRepos } from '../../app/services-context'
import { SelectField, TextAreaField, TextField } from '../../ui/Field'
import { EditableFields } from '../../ui/EditableFields'
import { EditorStatus } from '../../ui/EditorStatus'
import type { ReadyRecord } from '../../hooks/use-record'
import { useRecordEditor } from '../../hooks/use-record-editor'
import { PhotoGallery } from '../../widgets/photos/PhotoGallery'
import { duplicateSerialMessage, sameSerial } from '../../storage/repos/units/unit-serials'
import { DiscoveryPanel } from './DiscoveryPanel'
import { guessPhotoRole } from '../../../core/rules/photo-role'
import { withDiscoveryCapture } from '../../../core/rules/unit-discovery'

/** The unit schema, plus: not the serial of another unit of the same product (the repository refuses it too). */
function unitSchemaBeside(twin: Unit | undefined) {
  if (twin === undefined) return Unit
  return Unit.superRefine((unit, context) => {
    if (unit.id !== twin.id && unit.productId === twin.productId && sameSerial(unit, twin))
      context.addIssue({ code: 'custom', path: ['serialNumber'], message: duplicateSerialMessage(twin) })
  })
}

/** The physical sample: who sent it, in what state, what it runs, what it looks like and what it reports. */
export function UnitEditor({ loaded, archived = false }: { loaded: ReadyRecord<Unit>; archived?: boolean }) {
  const repos = useRepos()
  // The first unit of this product with the serial typed, found as it is typed; it makes the draft invalid.
  const [twin, setTwin] = useState<Unit | undefined>(undefined)
  const schema = useMemo(() => unitSchemaBeside(twin), [twin])
  const form = useRecordEditor({
    kind: 'unit',
    section: 'units',
    loaded,
    schema,
    save: repos.units.save,
    title: (u) => entityLabel('unit', u),
  })
  const isNew = loaded.isNew
  const { draft, update, visibleError } = form
  const products = useLiveQuery(() => repos.products.list(), [repos]) ?? []
  const { id, productId, serialNumber } = draft
  const found = useLiveQuery(
    () => repos.units.serialTwin({ id, productId, serialNumber }),
    [repos, id, productId, serialNumber],
    'looking' as const,
  )
  // While it looks, the twin of the serial before stays: the schema applies it only to that same serial.
  if (found !== 'looking' && (found?.id !== twin?.id || found?.serialNumber !== twin?.serialNumber)) setTwin(found)
  const serialError = visibleError('serialNumber')
  const product = products.find((p) => p.id === draft.productId)
  const set = <K extends keyof Unit>(key: K, value: Unit[K]) => update((u) => ({ ...u, [key]: value }), key)

  return (
    <section aria-labelledby="unit-title" className="editor">
      <p>
        <a href={href('units')}>← Tested units</a>
        {product ? (
          <>
            {' · '}
            <a href={href('products', product.id)}>{entityLabel('product', product)}</a>
          </>
        ) : null}
      </p>
      <h1 id="unit-title">{draft.serialNumber ? `Unit ${draft.serialNumber}` : 'New unit'}</h1>
      <EditorStatus form={form} restoredAt={loaded.restored?.savedAt} />
      <EditableFields archived={archived}>
        <fieldset>
          <legend>Identity and custody</legend>
          <div className="grid">
            <SelectField
              label="Product"
              value={draft.productId}
              error={visibleError('productId')}
              options={[
                { value: '', label: 'Choose a product' },
                ...pickable(products, draft.productId).map((p) => ({
                  value: p.id,
                  label: pickerLabel(entityLabel('product', p), p),
                })),
              ]}
              onChange={(v) => set('productId', v)}
            />
            <TextField
              label="Serial number"
              value={draft.serialNumber}
              error={serialError}
              onChange={(v) => set('serialNumber', v)}
              autoFocus={isNew}
            />
            <TextField
              label="Firmware"
              value={draft.firmware}
              error={visibleError('firmware')}
              onChange={(v) => set('firmware', v)}
            />
            <TextField
              label="Hardware revision"
              value={draft.hardwareRevision}
              error={visibleError('hardwareRevision')}
              onChange={(v) => set('hardwareRevision', v)}
            />
            <TextField
              label="Received on"
              type="date"
              value={draft.receivedOn}
              error={visibleError('receivedOn')}
              onChange={(v) => set('receivedOn', v)}
            />
            <TextField
              label="Received from"
              value={draft.receivedFrom}
              error={visibleError('receivedFrom')}
              onChange={(v) => set('receivedFrom', v)}
            />
            <SelectField<UnitCondition>
              label="Condition"
              value={draft.condition}
              options={unitConditions.map((c) => ({ value: c, label: conditionLabels[c] }))}
              onChange={(v) => set('condition', v)}
            />
          </div>
          {twin && serialError === duplicateSerialMessage(twin) ? (
            <p className="field-error">
              <a href={href('units', twin.id)}>Open unit {twin.serialNumber}</a>
            </p>
          ) : null}
          <TextAreaField
            label="Condition notes"
            value={draft.conditionNotes}
            error={visibleError('conditionNotes')}
            onChange={(v) => set('conditionNotes', v)}
            rows={2}
          />
        </fieldset>
      </EditableFields>
      <fieldset>
        <legend>Photos of the unit</legend>
        <PhotoGallery
          label="Unit photos"
          readOnly={archived}
          fileIds={draft.photos.map((p) => p.fileId)}
          onAdd={(ids, names) =>
            update((u) => {
              const added = ids
                .map((fileId, index) => ({ fileId, name: names[index] ?? '' }))
                .filter(
                  ({ fileId }, index) => !u.photos.some((p) => p.fileId === fileId) && ids.indexOf(fileId) === index,
                )
                // What the file name says it shows; a name that says nothing leaves the question to the person.
                .map(({ fileId, name }) => ({ fileId, role: guessPhotoRole(name) }))
              return { ...u, photos: [...u.photos, ...added] }
            }, 'photos')
          }
          onRemove={(id) => update((u) => ({ ...u, photos: u.photos.filter((p) => p.fileId !== id) }), 'photos')}
          extra={(fileId) => {
            const photo = draft.photos.find((p) => p.fileId === fileId)
            return photo ? (
              <SelectField<PhotoRole | ''>
                label="Shows"
                value={photo.role ?? ''}
                hint={photo.role === null ? 'Its name does not say: choose what it shows.' : undefined}
                options={[
                  ...(photo.role === null ? [{ value: '' as const, label: 'Choose…' }] : []),
                  ...photoRoles.map((r) => ({ value: r, label: photoRoleLabels[r] })),
                ]}
                onChange={(choice) =>
                  update(
                    (u) => ({
                      ...u,
                      photos: u.photos.map((p) => (p.fileId === fileId ? { ...p, role: choice || null } : p)),
                    }),
                    'photos',
                  )
                }
              />
            ) : null
          }}
        />
      </fieldset>
      <DiscoveryPanel
        readOnly={archived}
        unit={draft}
        product={product}
        onCaptured={({ capture, summary }) =>
          update((u) => withDiscoveryCapture(u, capture, summary), 'discoveryCaptures')
        }
      />
    </section>
  )
}
