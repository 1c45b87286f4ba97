import type { IntakeState } from './use-file-intake'

/** What an import of files is doing now, and every file it refused with the reason. */
export function IntakeStatus({ state }: { state: IntakeState }) {
  return (
    <>
      {state.busy ? (
        <p role="status" className="muted">
          {state.busy}
        </p>
      ) : null}
      {state.problems.length > 0 ? (
        // The alert around the list, not on it: role="alert" on the <ul> would take away its list semantics.
        <div role="alert">
          <ul className="problems">
            {state.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  )
}
