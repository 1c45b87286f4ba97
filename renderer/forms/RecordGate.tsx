import type { ReactNode } from 'react'
import type { LoadedRecord, ReadyRecord } from './use-record'

/** Shows loading and not-found states the same way for every editor. */
export function RecordGate<T>({
  loaded,
  what,
  backHref,
  children,
}: {
  loaded: LoadedRecord<T>
  what: string
  backHref: string
  children: (ready: ReadyRecord<T>) => ReactNode
}) {
  if (loaded.state === 'loading') return <p className="muted">Loading…</p>
  if (loaded.state === 'missing') {
    return (
      <section>
        <h1>Not found</h1>
        <p className="notice">
          This {what} does not exist any more. <a href={backHref}>Back to the list</a>
        </p>
      </section>
    )
  }
  return <>{children(loaded)}</>
}
