import { createWorkingAsStore } from '../../renderer/app/working-as-store'
import { createRepositories } from '../../renderer/storage/repositories'
import { freshLabDb } from './lab-db'

const probeImage = () => Promise.reject(new Error('not used'))

/** Repositories over a fresh database, working as Jo Doe (switchable), on a clock that moves one second per reading. */
export function auditedRepos() {
  const db = freshLabDb()
  const actors = createWorkingAsStore({ id: 'jd', name: 'Jo Doe' })
  let clock = Date.parse('2026-11-20T09:00:00Z')
  const repos = createRepositories(db, { probeImage, actor: actors.current, now: () => new Date((clock += 1000)) })
  return { db, repos, actors }
}
