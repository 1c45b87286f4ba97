import { useEffect, useRef } from 'react'
import { verdictLabels } from '../../../../core/model/result'
import { otherKeys, verdictKeys } from './shortcuts'

/** The keyboard shortcuts, as a dialog the ? key opens and Esc closes. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal?.()
    return () => element?.close?.()
  }, [])
  return (
    <dialog
      ref={dialog}
      className="shortcuts-help"
      aria-labelledby="shortcuts-title"
      onClose={onClose}
      onCancel={onClose}
      onKeyDown={(event) => {
        if (event.key === '?') onClose()
      }}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {verdictKeys.map(({ key, verdict }) => (
            <tr key={key}>
              <th scope="row">
                <kbd>{key}</kbd>
              </th>
              <td>Set the verdict to {verdictLabels[verdict]}</td>
            </tr>
          ))}
          {otherKeys.map(({ keys, what }) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onClose} autoFocus>
        Close
      </button>
    </dialog>
  )
}
