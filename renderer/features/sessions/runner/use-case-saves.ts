import { useEffect, useMemo, useState } from 'react'
import type { Result } from '../../../../core/model/result'
import { useRepos } from '../../../app/services-context'
import { createCaseWrites, type CaseSaveState } from './case-writes'
import { createSaveAnnouncer } from './save-announcer'

/** "Saved" shows this long after the last keystroke in notes at the earliest: steady "Saving…" while typing. */
const quietMs = 120
/** A screen reader hears "saved" once the case has stayed saved this long: once per burst, not per keystroke. */
const announceAfterMs = 700

/**
 * Every change of a case goes through one writer (see case-writes.ts); this hook
 * keeps each case's saved state for the screen and the one polite announcement
 * a screen reader reads out: a verdict once saved, notes saved once things
 * settle, a failure at once.
 */
export function useCaseSaves(sessionId: string, onStored: (result: Result) => void) {
  // `onStored` must keep its identity (a state setter, a callback without dependencies): the writer is made once.
  const repos = useRepos()
  const [states, setStates] = useState<ReadonlyMap<string, CaseSaveState>>(() => new Map())
  const [announcement, setAnnouncement] = useState('')

  const { writes, announcer } = useMemo(() => {
    const announcer = createSaveAnnouncer(setAnnouncement, announceAfterMs)
    const onState = (caseId: string, state: CaseSaveState) => {
      setStates((current) => new Map(current).set(caseId, state))
      announcer.heard(caseId, state)
    }
    return {
      writes: createCaseWrites({
        write: (caseId, change, audit) =>
          audit === 'at-burst-end' && change.notes !== undefined && Object.keys(change).length === 1
            ? repos.results.typeNotes(sessionId, caseId, change.notes)
            : repos.results.update(sessionId, caseId, change),
        note: (caseId, change) => repos.results.notePending(sessionId, caseId, change),
        onState,
        onStored: (_caseId, result) => onStored(result),
        quietMs,
      }),
      announcer,
    }
  }, [repos, sessionId, onStored])
  useEffect(
    () => () => {
      writes.dispose()
      announcer.stop()
    },
    [writes, announcer],
  )

  return {
    writes,
    stateOf: (caseId: string) => states.get(caseId),
    announcement,
    /** Says a verdict once it is saved, in the one announcement. */
    verdictSet: announcer.verdictSet,
    /** Says something else once, in the same announcement. */
    tell: announcer.tell,
  }
}
