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
        <ul className="problems" role="alert">
          {state.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
    </>
  )
}
