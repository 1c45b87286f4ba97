import { useState, type DragEvent } from 'react'

/**
 * Makes an element a drop target for files: it says when files are dragged over
 * it (for highlighting) and hands dropped files on, unless `enabled` is false.
 */
export function useFileDrop(onFiles: (files: FileList) => void, enabled = true) {
  const [dragging, setDragging] = useState(false)
  return {
    dragging,
    handlers: {
      onDragOver: (event: DragEvent) => {
        event.preventDefault()
        setDragging(true)
      },
      onDragLeave: () => setDragging(false),
      onDrop: (event: DragEvent) => {
        event.preventDefault()
        setDragging(false)
        if (enabled && event.dataTransfer.files.length > 0) onFiles(event.dataTransfer.files)
      },
    },
  }
}
