import { useLiveQuery } from 'dexie-react-hooks'
import { extensionsFor } from '../../../core/model/file-types'
import { maxPhotoBytes } from '../../../core/model/stored-file'
import { countOf } from '../../../core/text/plural'
import { useRepos } from '../../app/services-context'
import { useFileDrop } from '../../hooks/use-file-drop'
import { IntakeStatus } from '../../widgets/photos/IntakeStatus'
import { Thumbnail } from '../../widgets/photos/Thumbnail'
import { useFileIntake } from '../../widgets/photos/use-file-intake'

/** An image chosen for an import, by the name the person's file had (what the rows name) and its stored file. */
export type ChosenImage = { readonly name: string; readonly id: string }

type Props = {
  readonly images: readonly ChosenImage[]
  readonly disabled: boolean
  readonly onAdd: (images: readonly ChosenImage[]) => void
  readonly onRemove: (image: ChosenImage) => void
}

/**
 * The image files a listing file's rows name: chosen in the dialog or dropped, each checked and stored as a photo
 * (decoded and hashed in the image workers) as it comes in, and matched to the rows by file name.
 */
export function ImportImages({ images, disabled, onAdd, onRemove }: Props) {
  const repos = useRepos()
  const intake = useFileIntake({
    what: 'images',
    filters: [{ name: 'Images', extensions: [...extensionsFor('photo'), 'heic', 'heif'] }],
    maxBytes: maxPhotoBytes,
    refuseHeif: true,
    store: repos.files.storePhoto,
    onStored: (ids, names) => onAdd(ids.map((id, index) => ({ id, name: names[index] ?? id }))),
  })
  const busy = disabled || intake.state.busy !== null
  const { dragging, handlers } = useFileDrop((files) => void intake.take(files), !busy)
  const metas = useLiveQuery(() => repos.files.metas(images.map((image) => image.id)), [repos, images]) ?? []
  const metaOf = new Map(metas.map((meta) => [meta.id, meta]))
  return (
    <fieldset className={`gallery${dragging ? ' dragging' : ''}`} {...handlers}>
      <legend>Images the rows name</legend>
      <p className="muted">
        {images.length === 0
          ? 'None chosen. Choose or drop the image files named in the Images column; each row’s images are found by file name.'
          : `${countOf(images.length, 'image')} chosen.`}
      </p>
      {images.length > 0 ? (
        <ul className="thumbnails">
          {images.map((image) => {
            const meta = metaOf.get(image.id)
            return (
              <li key={`${image.id}:${image.name}`}>
                {meta ? <Thumbnail file={meta} /> : null}
                {/* The same bytes stored before keep their first name; the rows find this one by the name chosen. */}
                {meta?.name !== image.name ? <span className="muted">Chosen as {image.name}</span> : null}
                <button
                  type="button"
                  className="remove"
                  aria-label={`Remove ${image.name}`}
                  disabled={disabled}
                  onClick={() => onRemove(image)}
                >
                  Remove
                </button>
              </li>
            )
          })}
        </ul>
      ) : null}
      <p className="drop-hint">
        <button type="button" onClick={() => void intake.pick()} disabled={busy}>
          Choose images…
        </button>{' '}
        <span className="muted">or drop image files here.</span>
      </p>
      <IntakeStatus state={intake.state} />
    </fieldset>
  )
}
