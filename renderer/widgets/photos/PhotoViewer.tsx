import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import type { StoredFileMeta } from '../../../core/model/stored-file'
import { useRepos } from '../../app/services-context'
import { fitted, panBy, percentOf, zoomStep, type Size, type View } from './zoom-pan'
import './PhotoViewer.css'

const panStep = 60

/**
 * A stored photo at full size in a modal dialog: Zoom in, Zoom out, Actual size
 * and Fit; the wheel zooms at the cursor, dragging or the arrow keys pan; + - 0
 * zoom from the keyboard. Escape or Close closes it, and focus goes back to
 * what opened it.
 */
export function PhotoViewer({ file, onClose }: { readonly file: StoredFileMeta; readonly onClose: () => void }) {
  const repos = useRepos()
  const dialog = useRef<HTMLDialogElement>(null)
  const stage = useRef<HTMLDivElement>(null)
  const close = useRef<HTMLButtonElement>(null)
  const [url, setUrl] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [photo, setPhoto] = useState<Size | null>(null)
  const [stageSize, setStageSize] = useState<Size>({ width: 0, height: 0 })
  const [view, setView] = useState<View>({ scale: 1, x: 0, y: 0 })
  const drag = useRef<{ x: number; y: number } | null>(null)

  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const element = dialog.current
    if (element && !element.open) element.showModal?.()
    // showModal puts focus on the first button (Zoom out), where Enter would zoom: Close is the safe place to start.
    close.current?.focus()
    return () => {
      element?.close?.()
      opener?.focus()
    }
  }, [])

  useEffect(() => {
    let objectUrl: string | null = null
    let live = true
    repos.files.original(file.id).then(
      (blob) => {
        if (!live) return
        if (!blob) setProblem(`${file.name} is no longer in the lab's stored files.`)
        else setUrl((objectUrl = URL.createObjectURL(blob)))
      },
      () => live && setProblem(`${file.name} could not be read from the lab's stored files. Try again.`),
    )
    return () => {
      live = false
      if (objectUrl) URL.revokeObjectURL(objectUrl)
    }
  }, [repos, file.id, file.name])

  useLayoutEffect(() => {
    const element = stage.current
    if (!element) return undefined
    const measure = () => setStageSize({ width: element.clientWidth, height: element.clientHeight })
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  // The wheel zooms at the cursor; a passive React listener could not stop the page scrolling behind the dialog.
  const latest = useRef({ photo, stageSize })
  useEffect(() => {
    latest.current = { photo, stageSize }
  })
  useEffect(() => {
    const element = stage.current
    if (!element) return undefined
    const onWheel = (event: WheelEvent) => {
      const { photo: p, stageSize: s } = latest.current
      if (!p || event.deltaY === 0) return
      event.preventDefault()
      const box = element.getBoundingClientRect()
      const anchor = { x: event.clientX - box.left - box.width / 2, y: event.clientY - box.top - box.height / 2 }
      setView((v) => zoomStep(v, event.deltaY < 0 ? 1 : -1, p, s, anchor))
    }
    element.addEventListener('wheel', onWheel, { passive: false })
    return () => element.removeEventListener('wheel', onWheel)
  }, [])

  const change = (next: (v: View, p: Size, s: Size) => View) => {
    if (photo) setView((v) => next(v, photo, stageSize))
  }
  const zoomIn = () => change((v, p, s) => zoomStep(v, 1, p, s))
  const zoomOut = () => change((v, p, s) => zoomStep(v, -1, p, s))
  const fit = () => change((_, p, s) => fitted(p, s))
  const actualSize = () => change((v, p, s) => zoomStep({ ...v, scale: 1 / 1.25 }, 1, p, s))

  const onKeyDown = (event: KeyboardEvent) => {
    // Keys stay in the viewer: the screen behind it (a session runner) has shortcuts of its own.
    event.stopPropagation()
    const pans: Record<string, [number, number]> = {
      ArrowLeft: [panStep, 0],
      ArrowRight: [-panStep, 0],
      ArrowUp: [0, panStep],
      ArrowDown: [0, -panStep],
    }
    const pan = pans[event.key]
    const action = pan
      ? () => change((v, p, s) => panBy(v, pan[0], pan[1], p, s))
      : event.key === '+' || event.key === '='
        ? zoomIn
        : event.key === '-'
          ? zoomOut
          : event.key === '0'
            ? fit
            : undefined
    if (!action) return
    event.preventDefault()
    action()
  }

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    drag.current = { x: event.clientX, y: event.clientY }
    event.currentTarget.setPointerCapture(event.pointerId)
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const from = drag.current
    if (!from) return
    drag.current = { x: event.clientX, y: event.clientY }
    change((v, p, s) => panBy(v, event.clientX - from.x, event.clientY - from.y, p, s))
  }
  const endDrag = () => {
    drag.current = null
  }

  const titleId = `photo-viewer-${file.id}`
  return (
    <dialog
      ref={dialog}
      className="photo-viewer"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      onKeyDown={onKeyDown}
    >
      <header className="photo-viewer-bar">
        <h2 id={titleId}>{file.name}</h2>
        <span className="muted">
          {photo ? `${photo.width}×${photo.height} · ` : ''}
          <span aria-live="polite">Zoom {percentOf(view)}</span>
        </span>
        <span className="photo-viewer-tools">
          <button type="button" onClick={zoomOut} aria-keyshortcuts="-">
            Zoom out
          </button>
          <button type="button" onClick={zoomIn} aria-keyshortcuts="+">
            Zoom in
          </button>
          <button type="button" onClick={actualSize}>
            Actual size
          </button>
          <button type="button" onClick={fit} aria-keyshortcuts="0">
            Fit
          </button>
          <button ref={close} type="button" onClick={onClose}>
            Close
          </button>
        </span>
      </header>
      <div
        ref={stage}
        className="photo-viewer-stage"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
      >
        {problem ? (
          <p className="field-error" role="alert">
            {problem}
          </p>
        ) : url ? (
          <img
            src={url}
            alt={file.name}
            draggable={false}
            onLoad={(event) => {
              const size = { width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight }
              setPhoto(size)
              setView(fitted(size, stageSize))
            }}
            style={
              photo
                ? {
                    width: photo.width * view.scale,
                    height: photo.height * view.scale,
                    transform: `translate(calc(-50% + ${view.x}px), calc(-50% + ${view.y}px))`,
                  }
                : { visibility: 'hidden' }
            }
          />
        ) : (
          <p className="muted">Opening {file.name}…</p>
        )}
      </div>
      <p className="muted photo-viewer-help">
        Arrow keys or dragging move the photo; the wheel or + and − zoom; 0 fits it; Escape closes.
      </p>
    </dialog>
  )
}
