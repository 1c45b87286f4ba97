import { createContext, useContext } from 'react'
import type { AuditEntry, ChainVerdict } from '../../../core/audit/audit-entry'
import { createChainCheck } from '../../../core/audit/chain-check'
import type { AuditRepo } from '../../storage/repos/audit/audit-repo'

/** A check of many entries, from the one after `after` to `head`, continuing from `anchor` (the checkpointed entry). */
export type LongCheckRequest = {
  readonly after: number
  readonly head: number
  readonly anchor: AuditEntry | undefined
}

export type LongCheckProgress = { readonly checked: number; readonly total: number }

/** The verdict and the last entry found intact (where the next check can start); or why the check could not be made. */
export type LongCheckResult =
  | { readonly kind: 'checked'; readonly verdict: ChainVerdict; readonly last: AuditEntry | undefined }
  | { readonly kind: 'not-checked'; readonly message: string }

export type LongCheck = (
  request: LongCheckRequest,
  onProgress: (progress: LongCheckProgress) => void,
  signal: AbortSignal,
) => Promise<LongCheckResult>

const batchSize = 2_000

/**
 * Checks batch by batch on the window's thread, yielding between batches so the
 * window stays responsive. The app checks long trails in a worker instead; this
 * is the fallback where no worker runs (happy-dom in UI tests).
 */
export function checkInBatches(audit: Pick<AuditRepo, 'entriesAfter'>): LongCheck {
  return async ({ after, head, anchor }, onProgress, signal) => {
    const check = createChainCheck(anchor)
    let at = after
    while (at < head && !signal.aborted) {
      const batch = await audit.entriesAfter(at, batchSize)
      if (batch.length === 0) break
      if (check.add(batch)) break
      at = batch.at(-1)?.seq ?? head
      onProgress({ checked: at - after, total: head - after })
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
    return { kind: 'checked', verdict: check.finish(), last: check.last() }
  }
}

/** How the audit view checks a long trail; the app provides a worker, tests the batched fallback. */
export const LongCheckContext = createContext<LongCheck | null>(null)

export const useLongCheck = (): LongCheck | null => useContext(LongCheckContext)
