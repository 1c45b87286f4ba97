import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useRef } from 'react'
import type { Verdict } from '../../../../core/model/result'
import type { Runner, RunnerCase } from './use-runner'
import { VerdictBadge } from '../../../ui/VerdictBadge'

const rowHeight = 40

/**
 * The plan's cases as a listbox. Only the rows in view are drawn, so a
 * 2,000-case session opens and answers keys as fast as a 20-case one.
 */
export function CaseList({ runner }: { runner: Runner }) {
  const scroller = useRef<HTMLDivElement>(null)
  // This app does not use the React Compiler; rows are memoised by hand below.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: runner.visible.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  })
  const { position } = runner
  useEffect(() => {
    if (runner.visible.length > 0) virtualizer.scrollToIndex(position, { align: 'auto' })
  }, [virtualizer, position, runner.visible.length])

  const activeId = runner.selected ? optionId(runner.selected) : undefined
  if (runner.visible.length === 0) return <p className="case-list muted">No case matches the filter.</p>
  return (
    <div
      ref={scroller}
      className="case-list"
      role="listbox"
      aria-label="Cases"
      aria-activedescendant={activeId}
      tabIndex={0}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const testCase = runner.visible[item.index]
          if (!testCase) return null
          const result = runner.results.get(testCase.caseId)
          return (
            <CaseRow
              key={testCase.caseId}
              testCase={testCase}
              verdict={result?.verdict ?? 'untested'}
              hasNotes={(result?.notes ?? '').trim() !== ''}
              hasEvidence={(result?.evidenceIds.length ?? 0) > 0}
              selected={item.index === position}
              top={item.start}
              onSelect={runner.select}
            />
          )
        })}
      </div>
    </div>
  )
}

const optionId = (c: RunnerCase) => `case-option-${c.index}`

type RowProps = {
  readonly testCase: RunnerCase
  readonly verdict: Verdict
  readonly hasNotes: boolean
  readonly hasEvidence: boolean
  readonly selected: boolean
  readonly top: number
  readonly onSelect: (caseId: string) => void
}

// Memoised: a verdict key press redraws one row, not every row in view.
const CaseRow = memo(function CaseRow({ testCase, verdict, hasNotes, hasEvidence, selected, top, onSelect }: RowProps) {
  return (
    <div
      id={optionId(testCase)}
      role="option"
      aria-selected={selected}
      className={`case-row${selected ? ' selected' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: rowHeight }}
      onClick={() => onSelect(testCase.caseId)}
    >
      <span className="case-id">{testCase.caseId}</span>
      <span className="case-title">
        {testCase.title}
        {testCase.required ? '' : <span className="muted"> (optional)</span>}
      </span>
      <span className="case-marks">
        {/* Seen as marks, heard as words: the option's name says "has notes" and "has evidence". */}
        {hasNotes ? (
          <span className="case-mark" title="Has notes">
            <span aria-hidden="true">✎</span>
            <span className="visually-hidden">, has notes</span>
          </span>
        ) : null}
        {hasEvidence ? (
          <span className="case-mark" title="Has evidence">
            {/* Drawn, not an emoji: a bench computer may have no emoji font. */}
            <svg aria-hidden="true" width="12" height="14" viewBox="0 0 12 14" className="case-mark-clip">
              <path
                d="M8.5 4v6a2.5 2.5 0 0 1-5 0V3a1.75 1.75 0 0 1 3.5 0v6.5a.75.75 0 0 1-1.5 0V4"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.2"
                strokeLinecap="round"
              />
            </svg>
            <span className="visually-hidden">, has evidence</span>
          </span>
        ) : null}
      </span>
      <VerdictBadge verdict={verdict} />
    </div>
  )
})
