import { useState } from 'react'
import { useRepos } from '../../../app/services-context'
import { useLoadOnce } from '../../../hooks/use-load-once'

/**
 * Whether the runner moves to the next case after a verdict: this bench's setting,
 * on until turned off, kept for every session at this workstation (the settings
 * repository gives the default).
 */
export function useAutoAdvance(): readonly [boolean | undefined, (on: boolean) => void] {
  const repos = useRepos()
  const stored = useLoadOnce(() => repos.settings.autoAdvance(), 'runner.autoAdvance')
  const [chosen, setChosen] = useState<boolean>()
  const set = (on: boolean) => {
    setChosen(on)
    // A choice not kept only means the next session starts with the default again.
    repos.settings.setAutoAdvance(on).catch(() => undefined)
  }
  // Undefined until read: a verdict must not move on (or stay) by a default the bench turned off.
  return [chosen ?? stored, set] as const
}
