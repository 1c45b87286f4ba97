import { useLiveQuery } from 'dexie-react-hooks'
import type { ClipboardEvent, ReactNode } from 'react'
import { useRepos } from '../../app/services-context'
import { useFileDrop } from '../../hooks/use-file-drop'
import { Thumbnail } from './Thumbnail'
import { extensionsFor } from '../../../core/model/file-types'
import { maxPhotoBytes } from '../../../core/model/stored-file'
import { useFileIntake } from './use-file-intake'
import { IntakeStatus } from './IntakeStatus'
import { EditableFields } from '../../ui/EditableFields'
import './photos.css'

type Props = {
  readonly label: string
  readonly fileIds: readonly string[]
  /** The photos stored, with the names they came with (for guessing what each shows). */
  readonly onAdd: (fileIds: readonly string[], names: readonly string[]) => void
  readonly onRemove: (fileId: string) => void
  /** Extra controls under each photo, e.g. the unit photo's role. */
  readonly extra?: (fileId: string) => ReactNode
  /** Photos shown and opened full size, but none added, removed or changed (an archived record). */
  readonly readOnly?: boolean
}

/** Thumbnails of stored photos, each opening full size, with adding by file dialog or drag and drop. */
export function PhotoGallery({ label, fileIds, onAdd, onRemove, extra, readOnly = false }: Props) {
  const repos = useRepos()
  const files = useLiveQuery(() => repos.files.metas(fileIds), [repos, fileIds.join(',')]) ?? []
  const intake = useFileIntake({
    what: 'photos',
    // HEIC is offered so that choosing one says how to convert it, rather than the dialog hiding the file.
    filters: [{ name: 'Photos', extensions: [...extensionsFor('photo'), 'heic', 'heif'] }],
    maxBytes: maxPhotoBytes,
    refuseHeif: true,
    store: repos.files.storePhoto,
    onStored: onAdd,
  })
  const { dragging, handlers } = useFileDrop((files) => {
    if (!readOnly) void intake.take(files)
  })

  // A screenshot copied from a browser arrives as a pasted file: the same as dropping it.
  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    if (readOnly || event.clipboardData.files.length === 0) return
    event.preventDefault()
    void intake.take(event.clipboardData.files)
  }

  return (
    <div
      className={`gallery${dragging && !readOnly ? ' dragging' : ''}`}
      role="group"
      aria-label={label}
      // Focusable, so a click on it and Ctrl+V pastes a copied image here.
      tabIndex={readOnly ? undefined : 0}
      onPaste={onPaste}
      {...handlers}
    >
      <ul className="thumbnails">
        {files.map((file) => (
          <li key={file.id}>
            <Thumbnail file={file} />
            {readOnly ? (
              <EditableFields archived>{extra?.(file.id)}</EditableFields>
            ) : (
              <>
                {extra?.(file.id)}
                <button
                  type="button"
                  className="remove"
                  aria-label={`Remove ${file.name}`}
                  onClick={() => onRemove(file.id)}
                >
                  Remove
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {readOnly ? (
        files.length === 0 ? (
          <p className="muted">No photos.</p>
        ) : null
      ) : (
        <p className="drop-hint">
          <button type="button" onClick={() => void intake.pick()} disabled={intake.state.busy !== null}>
            Add photos…
          </button>{' '}
          <span className="muted">or drop image files here, or click here and paste one.</span>
        </p>
      )}
      <IntakeStatus state={intake.state} />
    </div>
  )
}
