import { useEffect, useMemo, useState } from 'react'
import type { AuditEntry, ChainVerdict } from '../../../core/audit/audit-entry'
import { combineVerdicts } from '../../../core/audit/chain-check'
import { useRepos } from '../../app/services-context'
import { checkInBatches, useLongCheck, type LongCheckProgress } from './long-check'
import { useRecordedHead } from './recorded-head'

/** More entries than this since the last check are checked in the background, not before the view shows. */
export const inlineCheckLimit = 5_000

export type ChainStatus =
  | { readonly state: 'checking' }
  | { readonly state: 'checking-long'; readonly progress: LongCheckProgress }
  | { readonly state: 'done'; readonly verdict: ChainVerdict }
  /** The entries since the last check could not be checked (the checker failed): not a verdict either way. */
  | { readonly state: 'not-checked'; readonly message: string }

/**
 * Whether the trail can be trusted, checked without re-reading history: the
 * entries shown are each checked against the entry before them, and the entries
 * added since the last check continue the chain from its checkpoint (in the
 * background when there are many). `whole` checks every entry from the first.
 */
export function useChainCheck(shown: readonly AuditEntry[] | undefined, whole: boolean): ChainStatus {
  const repos = useRepos()
  const provided = useLongCheck()
  const recordedHead = useRecordedHead()
  const longCheck = useMemo(() => provided ?? checkInBatches(repos.audit), [provided, repos])
  const [status, setStatus] = useState<ChainStatus>({ state: 'checking' })

  useEffect(() => {
    if (shown === undefined) return undefined
    const controller = new AbortController()
    const live = () => !controller.signal.aborted
    void (async () => {
      setStatus({ state: 'checking' })
      // The chain cannot see its own missing tail: the head main recorded outside the database can.
      const recorded = recordedHead?.()
      const [shownAlone, ofHead] = await Promise.all([
        repos.audit.checkShown(shown),
        recorded ? repos.audit.checkRecordedHead(recorded) : undefined,
      ])
      const ofShown = ofHead ? combineVerdicts(shownAlone, ofHead) : shownAlone
      const since = whole
        ? { state: 'long' as const, after: 0, head: (await repos.audit.state()).head?.seq ?? 0 }
        : await repos.audit.checkSince(inlineCheckLimit)
      if (since.state === 'checked') {
        if (live()) setStatus({ state: 'done', verdict: combineVerdicts(ofShown, since.verdict) })
        return
      }
      // Shown entries that fail are said at once; the long check only adds what it finds.
      if (!ofShown.intact && live()) setStatus({ state: 'done', verdict: ofShown })
      else if (live()) setStatus({ state: 'checking-long', progress: { checked: 0, total: since.head - since.after } })
      const anchor = since.after === 0 ? undefined : (await repos.audit.state()).anchor
      const result = await longCheck(
        { after: since.after, head: since.head, anchor },
        (progress) => live() && ofShown.intact && setStatus({ state: 'checking-long', progress }),
        controller.signal,
      )
      if (!live()) return
      if (result.kind === 'not-checked')
        return setStatus(
          ofShown.intact ? { state: 'not-checked', message: result.message } : { state: 'done', verdict: ofShown },
        )
      // Said first, saved after: the checkpoint's write can wait behind a long read (a backup), the verdict need not.
      if (live()) setStatus({ state: 'done', verdict: combineVerdicts(ofShown, result.verdict) })
      if (result.verdict.intact && result.last) await repos.audit.saveCheckpoint(result.last, new Date())
    })()
    return () => controller.abort()
    // It runs again whenever the entries shown are read again ("Check again" reads them), and for a whole check.
  }, [repos, longCheck, recordedHead, shown, whole])

  return status
}
