import { useRef, useState } from 'react'
import type { Result } from '../../../../core/model/result'
import { extensionsFor } from '../../../../core/model/file-types'
import { maxEvidenceBytes } from '../../../../core/model/result'
import type { Session } from '../../../../core/model/session'
import { useRepos } from '../../../app/services-context'
import { useFileIntake } from '../../../widgets/photos/use-file-intake'
import { CaseDetail } from './CaseDetail'
import { CaseList } from './CaseList'
import { CompleteBar } from './CompleteBar'
import { ProgressSummary } from './ProgressSummary'
import { ShortcutsHelp } from './ShortcutsHelp'
import { shortcutLine } from './shortcuts'
import { useAutoAdvance } from './use-auto-advance'
import { EntryConsentPanel } from './EntryConsent'
import { useEntryConsent } from './use-entry-consent'
import { useRunner } from './use-runner'
import { useRunnerKeys } from './use-runner-keys'
import './Runner.css'

const evidenceFilters = [
  { name: 'Photos and logs', extensions: extensionsFor('evidence') },
  { name: 'All files', extensions: ['*'] },
]

/** The session runner: the case list on the left, the selected case on the right, the keyboard in charge. */
export function Runner(props: { session: Session; results: readonly Result[] }) {
  const advance = useAutoAdvance()
  // The bench's setting first: the first verdict already moves on, or not, as it says.
  if (advance[0] === undefined) return <p className="muted">Loading…</p>
  return <ReadyRunner {...props} advance={[advance[0], advance[1]]} />
}

type ReadyProps = {
  readonly session: Session
  readonly results: readonly Result[]
  readonly advance: readonly [boolean, (on: boolean) => void]
}

function ReadyRunner({ session, results, advance }: ReadyProps) {
  const repos = useRepos()
  const consent = useEntryConsent(session)
  const [autoAdvance, setAutoAdvance] = advance
  const runner = useRunner(session, results, !consent.needed, { autoAdvance })
  const [help, setHelp] = useState(false)
  const notesRef = useRef<HTMLTextAreaElement>(null)
  const filterRef = useRef<HTMLInputElement>(null)
  const listRef = useRef<HTMLDivElement>(null)
  const caseId = runner.selected?.caseId
  const intake = useFileIntake({
    what: 'evidence files',
    filters: evidenceFilters,
    maxBytes: maxEvidenceBytes,
    store: repos.files.storeEvidence,
    onStored: (ids) => {
      if (caseId) void runner.addEvidence(caseId, ids)
    },
  })

  useRunnerKeys(
    {
      move: runner.move,
      nextUndecided: runner.toNextUndecided,
      setVerdict: runner.setVerdict,
      openNotes: () => notesRef.current?.focus(),
      attachEvidence: () => {
        if (!runner.readOnly && caseId && intake.state.busy === null) void intake.pick()
      },
      focusFilter: () => filterRef.current?.focus(),
      toggleHelp: () => setHelp((open) => !open),
      leaveField: () => {
        void runner.notes.flush()
        ;(document.activeElement as HTMLElement | null)?.blur()
        listRef.current?.querySelector<HTMLElement>('[role="listbox"]')?.focus()
      },
    },
    !help,
  )

  return (
    <div
      className="runner"
      onPaste={(event) => {
        const files = Array.from(event.clipboardData.files)
        if (files.length === 0 || runner.readOnly || !caseId) return
        event.preventDefault()
        void intake.take(files)
      }}
    >
      <div className="runner-top">
        <ProgressSummary summary={runner.summary} />
        <div className="runner-tools">
          <label className="runner-filter">
            <span>
              Filter <kbd aria-hidden="true">/</kbd>
            </span>
            <input
              ref={filterRef}
              type="search"
              aria-keyshortcuts="/"
              value={runner.filter}
              onChange={(e) => runner.setFilter(e.target.value)}
              onKeyDown={(event) => {
                // Enter takes the tester to the first match, ready for its verdict.
                if (event.key !== 'Enter') return
                event.preventDefault()
                const first = runner.visible[0]
                if (first) runner.select(first.caseId)
                listRef.current?.querySelector<HTMLElement>('[role="listbox"]')?.focus()
              }}
            />
          </label>
          <button type="button" aria-keyshortcuts="?" onClick={() => setHelp(true)}>
            Shortcuts <kbd aria-hidden="true">?</kbd>
          </button>
          {session.state !== 'running' ? null : (
            <label className="check">
              <input type="checkbox" checked={autoAdvance} onChange={(event) => setAutoAdvance(event.target.checked)} />
              Move to the next case after a verdict
            </label>
          )}
          <CompleteBar runner={runner} />
        </div>
        {session.state !== 'running' ? null : (
          <p className="shortcut-line muted" aria-hidden="true">
            {shortcutLine}
          </p>
        )}
      </div>
      {consent.needed ? <EntryConsentPanel session={session} consent={consent} /> : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {runner.announcement}
      </p>
      {runner.recovered ? (
        <div className="notice runner-recovered" role="status">
          <p>{runner.recovered}</p>
          <button type="button" onClick={runner.dismissRecovered}>
            Dismiss
          </button>
        </div>
      ) : null}
      {runner.problem ? (
        <p className="field-error" role="alert">
          {runner.problem}
        </p>
      ) : null}
      <div className="runner-body">
        <div ref={listRef}>
          <CaseList runner={runner} />
        </div>
        <CaseDetail runner={runner} notesRef={notesRef} intake={intake} />
      </div>
      {help ? <ShortcutsHelp onClose={() => setHelp(false)} /> : null}
    </div>
  )
}
