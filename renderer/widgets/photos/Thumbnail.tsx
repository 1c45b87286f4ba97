import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useRef } from 'react'
import { formatBytes } from '../../../core/format-bytes'
import type { StoredFileMeta } from '../../../core/model/stored-file'
import { useRepos } from '../../app/services-context'
import './photos.css'

/** Shows a stored photo's small thumbnail; the full image is never decoded in a list. */
export function Thumbnail({ file }: { file: StoredFileMeta }) {
  const repos = useRepos()
  const thumbnail = useLiveQuery(() => repos.files.thumbnail(file.id), [repos, file.id])
  const image = useRef<HTMLImageElement>(null)
  // The object URL lives exactly as long as the thumbnail it shows.
  useEffect(() => {
    if (!thumbnail || !image.current) return undefined
    const objectUrl = URL.createObjectURL(thumbnail.blob)
    image.current.src = objectUrl
    return () => URL.revokeObjectURL(objectUrl)
  }, [thumbnail])
  return (
    <figure className="thumbnail">
      {thumbnail ? (
        <img ref={image} alt={file.name} width={thumbnail.width} height={thumbnail.height} />
      ) : (
        <div className="thumb-placeholder" />
      )}
      <figcaption>
        <span className="file-name">{file.name}</span>
        <span className="muted">
          {file.width && file.height ? `${file.width}×${file.height}` : ''} · {formatBytes(file.size)}
        </span>
      </figcaption>
    </figure>
  )
}
