import { useEffect, useRef } from 'react'
import { useRepos } from '../../app/services-context'

// One session at a time with the window's work in between: an old lab's first list must stay usable while it counts.
const pauseMs = 15

/**
 * Counts, in the background and newest first, the progress of the sessions
 * listed that were stored before progress was kept with each session, so their
 * Progress and Last activity fill in once, without a migration reading every
 * result of the lab at start-up. Each is counted at most once per window.
 */
export function useProgressBackfill(uncounted: readonly string[] | undefined) {
  const repos = useRepos()
  const tried = useRef(new Set<string>())
  const key = uncounted?.join('\n') ?? ''
  useEffect(() => {
    const queue = key === '' ? [] : key.split('\n').filter((id) => !tried.current.has(id))
    if (queue.length === 0) return undefined
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const next = async () => {
      const id = queue.shift()
      if (stopped || id === undefined) return
      tried.current.add(id)
      // A refusal (storage failing) leaves the row as it was: "not recorded" is still true, and the next window tries again.
      await repos.results.countProgress(id)
      if (!stopped) timer = setTimeout(() => void next(), pauseMs)
    }
    timer = setTimeout(() => void next(), pauseMs)
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [repos, key])
}
