import { useId, type RefObject } from 'react'
import { verdictLabels } from '../../../../core/model/result'
import type { useFileIntake } from '../../../widgets/photos/use-file-intake'
import { CaseExtraColumns } from './CaseExtraColumns'
import { CaseHistory } from './CaseHistory'
import { CaseSaveLine } from './CaseSaveLine'
import { EvidencePanel } from './EvidencePanel'
import { verdictKeys } from './shortcuts'
import type { Runner } from './use-runner'

type Props = {
  readonly runner: Runner
  readonly notesRef: RefObject<HTMLTextAreaElement | null>
  readonly intake: ReturnType<typeof useFileIntake>
}

/** The selected case: what to do, what should happen, the verdict, notes and evidence. */
export function CaseDetail({ runner, notesRef, intake }: Props) {
  const notesId = useId()
  const testCase = runner.selected
  if (!testCase) return <div className="case-detail muted">No case selected.</div>
  const result = runner.results.get(testCase.caseId)
  const verdict = result?.verdict ?? 'untested'
  const saveState = runner.saveStateOf(testCase.caseId)
  return (
    <article className="case-detail" aria-labelledby="case-title">
      <p className="muted">
        Case {testCase.index + 1} of {runner.session.plan.cases.length}
        {testCase.category ? ` · ${testCase.category}` : ''} · {testCase.required ? 'required' : 'optional'}
      </p>
      <h2 id="case-title">
        {testCase.caseId} · {testCase.title}
      </h2>
      {testCase.steps ? (
        <>
          <h3>Steps</h3>
          <p className="pre">{testCase.steps}</p>
        </>
      ) : null}
      {testCase.expected ? (
        <>
          <h3>Expected result</h3>
          <p className="pre">{testCase.expected}</p>
        </>
      ) : null}
      <CaseExtraColumns extra={testCase.extra} />
      <div className="verdict-buttons" role="group" aria-label="Verdict">
        {verdictKeys.map(({ key, verdict: v }) => (
          <button
            key={v}
            type="button"
            aria-pressed={verdict === v}
            className={`verdict-button verdict-${v}${verdict === v && saveState?.kind === 'saving' ? ' pending' : ''}`}
            disabled={runner.readOnly}
            // A click must not leave focus on the button: the next Enter (notes) would press it again.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => runner.setVerdict(v)}
            // Named "Passed", not "Passed P": the key is said as a shortcut, and shown for the eye only.
            aria-keyshortcuts={key}
          >
            {verdictLabels[v]} <kbd aria-hidden="true">{key}</kbd>
          </button>
        ))}
      </div>
      <CaseSaveLine caseId={testCase.caseId} state={saveState} onRetry={() => runner.retry(testCase.caseId)} />
      <div className="field">
        <label htmlFor={notesId}>
          Notes <kbd aria-hidden="true">Enter</kbd>
        </label>
        <textarea
          id={notesId}
          aria-keyshortcuts="Enter"
          ref={notesRef}
          rows={4}
          maxLength={20_000}
          readOnly={runner.readOnly}
          value={runner.notes.textOf(testCase.caseId, result?.notes ?? '')}
          onChange={(event) => runner.notes.change(testCase.caseId, event.target.value)}
          onBlur={() => void runner.notes.flush()}
        />
      </div>
      <EvidencePanel
        caseId={testCase.caseId}
        fileIds={result?.evidenceIds ?? []}
        intake={intake}
        readOnly={runner.readOnly}
        onRemove={(fileId) => runner.removeEvidence(testCase.caseId, fileId)}
      />
      <CaseHistory session={runner.session} caseId={testCase.caseId} />
    </article>
  )
}
