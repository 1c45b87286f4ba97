import { useId, type ReactNode } from 'react'
import './ConfirmPanel.css'

/**
 * A question asked in place before something that cannot simply be taken
 * back. Keeping is the default (focused, so Enter does nothing to the data);
 * the action is a separate, named button.
 */
export function ConfirmPanel({
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  onConfirm,
  onCancel,
}: {
  title: string
  children: ReactNode
  confirmLabel: string
  cancelLabel?: string
  onConfirm: () => void
  onCancel: () => void
}) {
  const titleId = useId()
  const textId = useId()
  return (
    <div className="confirm-panel" role="alertdialog" aria-labelledby={titleId} aria-describedby={textId}>
      <p id={titleId}>
        <strong>{title}</strong>
      </p>
      <div id={textId}>{children}</div>
      <div className="confirm-panel__buttons">
        <button type="button" autoFocus onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="button" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </div>
  )
}
