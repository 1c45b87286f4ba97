import { entityLabel } from '../../../core/model/entity'
import { Hub } from '../../../core/model/hub'
import { checkAsin } from '../../../core/rules/asin'
import { href } from '../../app/route'
import { useRepos } from '../../app/services-context'
import { EditableFields } from '../../ui/EditableFields'
import { EditorStatus } from '../../ui/EditorStatus'
import { TextField } from '../../ui/Field'
import { RowGroup } from '../../ui/RowGroup'
import type { ReadyRecord } from '../../hooks/use-record'
import { useRecordEditor } from '../../hooks/use-record-editor'

/** A hub: brand, model number, firmware and the ASINs it sells under. */
export function HubEditor({ loaded, archived = false }: { loaded: ReadyRecord<Hub>; archived?: boolean }) {
  const repos = useRepos()
  const form = useRecordEditor({
    kind: 'hub',
    section: 'hubs',
    loaded,
    schema: Hub,
    save: repos.hubs.save,
    title: (h) => entityLabel('hub', h),
  })
  const isNew = loaded.isNew
  const { draft, update, visibleError } = form
  const set = <K extends keyof Hub>(key: K, value: Hub[K]) => update((h) => ({ ...h, [key]: value }), key)
  return (
    <section aria-labelledby="hub-title" className="editor">
      <p>
        <a href={href('hubs')}>← Hubs</a>
      </p>
      <h1 id="hub-title">{draft.modelNumber ? `Hub ${entityLabel('hub', draft)}` : 'New hub'}</h1>
      <EditorStatus form={form} restoredAt={loaded.restored?.savedAt} />
      <EditableFields archived={archived}>
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
            onChange={(v) => set('modelNumber', v)}
          />
          <TextField label="Name" value={draft.name} error={visibleError('name')} onChange={(v) => set('name', v)} />
          <TextField
            label="Firmware"
            value={draft.firmware}
            error={visibleError('firmware')}
            onChange={(v) => set('firmware', v)}
          />
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
                    onChange={(v) =>
                      update(
                        (h) => ({ ...h, asins: h.asins.map((a, i) => (i === index ? v.trim() : a)) }),
                        `asins.${index}`,
                      )
                    }
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
      </EditableFields>
    </section>
  )
}
