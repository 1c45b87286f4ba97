import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { servicesOnDisk, type ServicesOnDisk } from '../files/lab-over-dispatch'

const opened: ServicesOnDisk[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((on) => on.remove()))
})

describe('an automatic backup a kill interrupted', () => {
  it('leaves no temporary file in the backup folder after the next start', async () => {
    const killed = await servicesOnDisk()
    opened.push(killed)
    await killed.services.leftoversSwept
    const reply = await killed.lab.backups.begin({
      target: 'folder',
      reason: 'daily',
      createdAt: '2026-12-01T08:00:00.000Z',
    })
    expect(reply).toMatchObject({ ok: true })
    const folder = join(killed.userDataDir, 'backups')
    expect(await readdir(folder)).toHaveLength(1) // the temporary file of the backup under way

    const next = await servicesOnDisk({ userDataDir: killed.userDataDir })
    opened.push(next)
    const report = await next.services.leftoversSwept
    expect(report.removed).toHaveLength(1)
    expect(await readdir(folder)).toEqual([])
  })
})
