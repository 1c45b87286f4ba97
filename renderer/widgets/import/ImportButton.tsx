import { useId } from 'react'

type Props = {
  /** What would be imported, counted: "60 cases", "3 listings". */
  readonly what: string
  readonly importing: boolean
  /** Why nothing can be imported yet, said beside the disabled button; null when it can be. */
  readonly blocked: string | null
  /** Once stored: the button says so ("Imported 3 listings") and stays disabled. */
  readonly done?: string | null
  readonly onImport: () => void
}

/** The one Import button of an import page, disabled with the reason beside it while the report is not empty. */
export function ImportButton({ what, importing, blocked, done = null, onImport }: Props) {
  const blockedId = useId()
  const reason = done === null ? blocked : null
  return (
    <p className="import-actions">
      <button
        type="button"
        className="primary"
        disabled={blocked !== null || done !== null || importing}
        aria-describedby={reason ? blockedId : undefined}
        onClick={onImport}
      >
        {importing ? `Importing ${what}…` : (done ?? (blocked ? 'Nothing to import' : `Import ${what}`))}
      </button>{' '}
      {reason ? (
        <span id={blockedId} className="muted">
          {reason}
        </span>
      ) : null}
    </p>
  )
}
