import type { ReadableChange } from '../../../core/audit/read-change'

/** One field's change: "Brand: Acme → Acme Corp", or a list's items added and removed. */
export function ChangeLine({ change }: { change: ReadableChange }) {
  if (change.shape === 'value') {
    return (
      <>
        <span className="change-field">{change.field}:</span>{' '}
        {change.before === undefined ? (
          change.after
        ) : (
          <>
            <span className="change-before">{change.before}</span> <span aria-hidden="true">→</span>
            <span className="visually-hidden"> changed to</span> {change.after}
          </>
        )}
      </>
    )
  }
  const parts = [
    ['added', change.added],
    ['removed', change.removed],
    ['changed', change.changed],
  ] as const
  const shown = parts.filter(([, items]) => items.length > 0)
  return (
    <>
      <span className="change-field">{change.field}:</span>{' '}
      {shown.length === 0
        ? 'reordered'
        : shown.map(([word, items], index) => (
            <span key={word} className={`change-${word}`}>
              {index > 0 ? '; ' : ''}
              {word} {items.join(', ')}
            </span>
          ))}
    </>
  )
}
