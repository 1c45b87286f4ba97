import { describe, expect, it } from 'vitest'
import type { LabProfile } from '../../../../../../core/model/lab-profile'
import { actorFor, followProfile } from '../../../../../../renderer/app/working-as'
import { createWorkingAsStore } from '../../../../../../renderer/app/working-as-store'
import type { Actor } from '../../../../../../renderer/storage/audit-log'
import { createRepositories, workstationActor } from '../../../../../../renderer/storage/repositories'
import { freshLabDb } from '../../../../../helpers/lab-db'
import { valueOf } from '../../../../../helpers/outcome'
import { aSession } from '../../../../../helpers/records'

const probeImage = () => Promise.reject(new Error('not used'))
const at = '2026-03-01T09:00:00.000Z'
const jo = { id: 'jd', name: 'Jo Doe', initials: 'JD', role: 'tester' } as const
const mia = { id: 'mk', name: 'Mia Kowalska', initials: 'MK', role: 'reviewer' } as const
const sam = { id: 'sb', name: 'Sam Berg', initials: 'SB', role: 'tester' } as const
const profile = (people: LabProfile['people']): LabProfile => ({ id: 'lab', name: 'Lab Nord', people, updatedAt: at })

function lab() {
  const db = freshLabDb()
  let actor: Actor = workstationActor
  const repos = createRepositories(db, { probeImage, actor: () => actor })
  return { db, repos, actAs: (next: Actor) => (actor = next) }
}

describe('where a person appears', () => {
  it('finds audit entries by their actor and sessions by their tester, and nothing for someone who did nothing', async () => {
    const { repos, actAs } = lab()
    valueOf(await repos.profile.save(profile([jo, mia, sam])))
    actAs({ id: 'mk', name: 'Mia Kowalska' })
    valueOf(await repos.sessions.create(aSession({ testerId: 'jd', testerName: 'Jo Doe' })))

    expect(await repos.profile.referencesTo('jd')).toEqual({ inAuditTrail: false, sessions: 1 })
    expect(await repos.profile.referencesTo('mk')).toEqual({ inAuditTrail: true, sessions: 0 })
    expect(await repos.profile.referencesTo('sb')).toEqual({ inAuditTrail: false, sessions: 0 })
  })
})

describe('who is working follows the lab profile', () => {
  it('turns into the workstation once the person worked as is removed or deactivated, and takes a new name', async () => {
    const { repos } = lab()
    valueOf(await repos.profile.save(profile([jo, mia])))
    const workingAs = createWorkingAsStore(actorFor(await repos.profile.get(), 'mk'))
    const stop = followProfile(repos, workingAs)
    const becomes = (expected: Actor) =>
      expect.poll(() => workingAs.current(), { timeout: 2000, interval: 10 }).toEqual(expected)

    valueOf(await repos.profile.save(profile([jo, { ...mia, name: 'Mia Kowalska-Nørgaard' }])))
    await becomes({ id: 'mk', name: 'Mia Kowalska-Nørgaard' })

    valueOf(await repos.profile.save(profile([jo, { ...mia, deactivatedAt: at }])))
    await becomes(workstationActor)

    workingAs.set(actorFor(await repos.profile.get(), 'jd'))
    valueOf(await repos.profile.save(profile([mia])))
    await becomes(workstationActor)
    stop()
  })

  it('never gives the name of someone deactivated to work in', () => {
    expect(actorFor(profile([{ ...jo, deactivatedAt: at }]), 'jd')).toEqual(workstationActor)
    expect(actorFor(profile([jo]), 'jd')).toEqual({ id: 'jd', name: 'Jo Doe' })
    expect(actorFor(profile([jo]), 'gone')).toEqual(workstationActor)
  })
})
