import { assertNever } from '../../../core/assert-never'
import { runInWorker, type StartWorker } from '../../workers/host'
import type { AuditChainProtocol } from '../../workers/audit-chain.worker'
import type { LongCheck } from './long-check'

const startAuditWorker: StartWorker<AuditChainProtocol> = () =>
  new Worker(new URL('../../workers/audit-chain.worker.ts', import.meta.url), { type: 'module', name: 'audit-chain' })

// Trusted work on the lab's own data, but bounded all the same: a stuck check must not run for ever.
const deadlineMillis = 30 * 60_000

/** How the app checks a long audit trail: in a worker that reads the entries itself, with progress; stopped when the view goes away. */
export function workerLongCheck(dbName: string, start: StartWorker<AuditChainProtocol> = startAuditWorker): LongCheck {
  return async ({ after, head, anchor }, onProgress, signal) => {
    const outcome = await runInWorker<AuditChainProtocol>(
      start,
      { dbName, after, head, anchor },
      {
        deadlineMillis,
        signal,
        onProgress,
        label: {
          subject: 'The audit trail',
          action: 'checked',
          worker: 'audit checker',
          remedy: 'Choose Check again.',
        },
      },
    )
    switch (outcome.kind) {
      case 'done':
        return { kind: 'checked', ...outcome.result }
      case 'failed':
        return { kind: 'not-checked', message: outcome.message }
      case 'timed-out':
        return {
          kind: 'not-checked',
          message: `The check of entries ${after + 1} to ${head} did not finish within ${deadlineMillis / 60_000} minutes. Choose Check again.`,
        }
      case 'canceled':
        return { kind: 'not-checked', message: 'The check was stopped before it finished.' }
      default:
        return assertNever(outcome)
    }
  }
}
