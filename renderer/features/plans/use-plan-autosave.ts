import { useEffect, useRef, useState } from 'react'
import { PlanVersion } from '../../../core/model/test-plan'
import { href, replaceAddress } from '../../app/route'
import { useRepos } from '../../app/services-context'
import { useAutosave } from '../../hooks/use-autosave'
import type { ReadyRecord } from '../../hooks/use-record'
import { planTitle } from './plan-labels'

/** A save that found its version already run by a session, and the version the edit went to instead. */
export type PlanFork = { readonly from: number; readonly to: PlanVersion }

type Target = Pick<PlanVersion, 'id' | 'version' | 'createdAt' | 'source'>

/**
 * The plan editor's storage: useAutosave, plus what is special about plans.
 * Saving a version a session already ran stores the edit as the plan's next
 * version (the repository decides); from then on every later save, draft and
 * address go to that new version, so the editor simply carries on there and
 * the tester is told once. Edits typed while that save was under way are not
 * lost: they are saved onto the new version as well.
 */
export function usePlanAutosave(loaded: ReadyRecord<PlanVersion>) {
  const repos = useRepos()
  const [fork, setFork] = useState<PlanFork | null>(null)
  const target = useRef<Target>(loaded.record)
  const addressed = useRef(!loaded.isNew)
  const mounted = useRef(true)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  // Only while the editor is on screen: a store finishing after the tester left must not move them.
  const showAddress = (id: string, moved: boolean) => {
    if ((addressed.current && !moved) || !mounted.current) return
    addressed.current = true
    replaceAddress(href('plans', id))
  }
  const onto = (draft: PlanVersion): PlanVersion => ({
    ...draft,
    id: target.current.id,
    version: target.current.version,
    createdAt: target.current.createdAt,
    // The version's own account of where it came from: after a fork, "edited from version n", not the draft's.
    source: target.current.source,
  })

  const form = useAutosave<PlanVersion>({
    stored: loaded.record,
    restored: loaded.restored?.value,
    schema: PlanVersion,
    isNew: loaded.isNew,
    save: async (draft) => {
      const before = target.current
      const saved = await repos.plans.save(onto(draft))
      if (!saved.ok) return saved
      const stored = saved.value
      const moved = stored.id !== before.id
      if (moved) {
        target.current = stored
        // A draft left under the old version would be restored over it the next time it is opened.
        await repos.drafts.discard('plan-version', before.id)
        if (mounted.current) setFork({ from: before.version, to: stored })
      }
      showAddress(stored.id, moved)
      return saved
    },
    keepDraft: async (draft) => {
      const kept = await repos.drafts.keep('plan-version', target.current.id, onto(draft), planTitle(draft))
      if (kept.ok) showAddress(target.current.id, false)
      return kept
    },
    discardDraft: () => repos.drafts.discard('plan-version', target.current.id),
  })
  return { form, fork }
}

export type PlanForm = ReturnType<typeof usePlanAutosave>['form']
