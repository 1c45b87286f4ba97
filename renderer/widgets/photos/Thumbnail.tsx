import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useRef, useState } from 'react'
import { formatBytes } from '../../../core/format-bytes'
import type { StoredFileMeta } from '../../../core/model/stored-file'
import { useRepos } from '../../app/services-context'
import { PhotoViewer } from './PhotoViewer'
import './photos.css'

/** Shows a stored photo's small thumbnail (the full image is never decoded in a list), and opens it full size. */
export function Thumbnail({ file }: { file: StoredFileMeta }) {
  const repos = useRepos()
  const thumbnail = useLiveQuery(() => repos.files.thumbnail(file.id), [repos, file.id])
  const image = useRef<HTMLImageElement>(null)
  const [viewing, setViewing] = useState(false)
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
        // The click is a shortcut for the mouse; the button below is the way for everyone.
        <img
          ref={image}
          alt={file.name}
          width={thumbnail.width}
          height={thumbnail.height}
          onClick={() => setViewing(true)}
        />
      ) : (
        <div className="thumb-placeholder" />
      )}
      <figcaption>
        <span className="file-name">{file.name}</span>
        <span className="muted">
          {file.width && file.height ? `${file.width}×${file.height}` : ''} · {formatBytes(file.size)}
        </span>
        <button
          type="button"
          className="open-photo"
          aria-label={`View full size: ${file.name}`}
          onClick={() => setViewing(true)}
        >
          View full size
        </button>
      </figcaption>
      {viewing ? <PhotoViewer file={file} onClose={() => setViewing(false)} /> : null}
    </figure>
  )
}
