import type { ReactNode } from 'react'
import { verdictLabels, type Verdict } from '../../core/model/result'
import './VerdictBadge.css'

/** A case's verdict as a coloured badge, the same wherever a verdict shows; `children` replaces the verdict's name. */
export function VerdictBadge({
  verdict,
  as = 'span',
  children,
}: {
  verdict: Verdict
  as?: 'span' | 'li'
  children?: ReactNode
}) {
  const Element = as
  return <Element className={`verdict-badge verdict-${verdict}`}>{children ?? verdictLabels[verdict]}</Element>
}
