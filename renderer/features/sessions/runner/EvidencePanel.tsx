import { useLiveQuery } from 'dexie-react-hooks'
import { formatBytes } from '../../../../core/format-bytes'
import type { StoredFileMeta } from '../../../../core/model/stored-file'
import { useRepos } from '../../../app/services-context'
import { useFileDrop } from '../../../hooks/use-file-drop'
import { Thumbnail } from '../../../widgets/photos/Thumbnail'
import type { useFileIntake } from '../../../widgets/photos/use-file-intake'
import { IntakeStatus } from '../../../widgets/photos/IntakeStatus'

type Props = {
  readonly caseId: string
  readonly fileIds: readonly string[]
  readonly intake: ReturnType<typeof useFileIntake>
  readonly readOnly: boolean
  readonly onRemove: (fileId: string) => void
}

/** A case's evidence: photos as thumbnails, logs as named files; add by E, a drop or a paste. */
export function EvidencePanel({ caseId, fileIds, intake, readOnly, onRemove }: Props) {
  const repos = useRepos()
  const drop = useFileDrop((dropped) => void intake.take(dropped), !readOnly)
  const files = useLiveQuery(() => repos.files.metas(fileIds), [repos, fileIds.join(',')]) ?? []
  return (
    <section
      className={`evidence${drop.dragging ? ' dragging' : ''}`}
      aria-label={`Evidence for case ${caseId}`}
      {...drop.handlers}
    >
      <h3>Evidence</h3>
      {files.length === 0 ? <p className="muted">No evidence yet.</p> : null}
      <ul className="thumbnails">
        {files.map((file) => (
          <li key={file.id}>
            {file.width ? <Thumbnail file={file} /> : <FileChip file={file} />}
            {readOnly ? null : (
              <button
                type="button"
                className="remove"
                aria-label={`Remove ${file.name}`}
                onClick={() => onRemove(file.id)}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {readOnly ? null : (
        <p className="drop-hint">
          <button
            type="button"
            aria-keyshortcuts="E"
            onClick={() => void intake.pick()}
            disabled={intake.state.busy !== null}
          >
            Attach evidence… <kbd aria-hidden="true">E</kbd>
          </button>{' '}
          <span className="muted">or drop files here, or paste a screenshot.</span>
        </p>
      )}
      <IntakeStatus state={intake.state} />
    </section>
  )
}

function FileChip({ file }: { file: StoredFileMeta }) {
  return (
    <figure className="file-chip">
      <span className="file-icon" aria-hidden="true">
        ▤
      </span>
      <figcaption>
        <span className="file-name">{file.name}</span>
        <span className="muted">
          {file.mime} · {formatBytes(file.size)}
        </span>
      </figcaption>
    </figure>
  )
}
