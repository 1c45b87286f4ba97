import type { DiffSegment } from '../../../core/rules/comparison/finding'

/** One side of a character diff: the characters only on this side marked, shared ones plain. */
function Side({
  segments,
  side,
  label,
}: {
  segments: readonly DiffSegment[]
  side: 'listing' | 'tested'
  label: string
}) {
  return (
    <div className="diff-side">
      <span className="diff-label">{label}</span>
      <code>
        {segments
          .filter((segment) => segment.kind === 'same' || segment.kind === side)
          .map((segment, index) =>
            segment.kind === 'same' ? (
              <span key={index}>{segment.text}</span>
            ) : (
              <mark key={index}>
                {segment.text}
                <span className="visually-hidden">
                  {side === 'listing' ? ' (only on the listing)' : ' (only in what was tested)'}
                </span>
              </mark>
            ),
          )}
      </code>
    </div>
  )
}

/** Where the listing's text and the tested product's differ, character by character. */
export function FindingDiff({ segments }: { segments: readonly DiffSegment[] }) {
  return (
    <div className="finding-diff">
      <Side segments={segments} side="listing" label="Listing" />
      <Side segments={segments} side="tested" label="Tested" />
    </div>
  )
}
