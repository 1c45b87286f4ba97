import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { ListBackupsResponse, StoredBackup } from '../../../core/bridge/backups'
import { createAutomaticBackups } from '../../../renderer/app/automatic-backups'
import { DailyBackups } from '../../../renderer/app/DailyBackups'

const hour = 3_600_000

function stored(createdAt: string, problem: string | null = null): StoredBackup {
  return {
    name: `wwa-lab-backup-${createdAt.replace(/[:.]/g, '-')}-daily.zip`,
    size: 1000,
    modifiedAt: createdAt,
    problem,
    summary:
      problem === null
        ? {
            format: 'wwa-lab-backup',
            formatVersion: 1,
            schemaVersion: 2,
            createdAt,
            reason: 'daily',
            database: 'wwa-lab',
            counts: { products: 3 },
            partCount: 1,
            bytes: 900,
          }
        : null,
  }
}

/** A clock the test moves, timers it fires, and a backup folder it fills. */
function scene(backups: StoredBackup[]) {
  let now = new Date('2026-03-10T12:00:00.000Z')
  const ticks: (() => void)[] = []
  let release: (() => void) | undefined
  const written: string[] = []
  const listing = (): ListBackupsResponse => ({ folder: '/b', generations: 7, backups, lastManual: null })
  const backUpDaily = vi.fn(async () => {
    // Held until the test lets it finish, so a second look can come while it runs.
    await new Promise<void>((resolve) => (release = resolve))
    written.push(now.toISOString())
    backups.unshift(stored(now.toISOString()))
    return { ok: true as const, value: null }
  })
  const daily = createAutomaticBackups({
    list: async () => ({ ok: true, value: listing() }),
    backUpDaily,
    now: () => now,
    setInterval: (run) => ticks.push(run),
    clearInterval: () => undefined,
  })
  return {
    daily,
    backUpDaily,
    written,
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
    tick: () => ticks.forEach((run) => run()),
    finish: async () => {
      await vi.waitFor(() => expect(release).toBeDefined())
      release!()
      release = undefined
    },
  }
}

describe('daily automatic backups', () => {
  it('writes none while the newest good backup is under a day old, and one once it is older', async () => {
    const s = scene([stored('2026-03-10T01:00:00.000Z')])
    s.daily.start()
    await s.daily.checkNow()
    expect(s.backUpDaily).not.toHaveBeenCalled()

    s.advance(12 * hour) // 23 h after the backup
    s.tick()
    await s.daily.checkNow()
    expect(s.backUpDaily).not.toHaveBeenCalled()

    s.advance(1 * hour + 1000) // just over 24 h
    s.tick()
    await s.finish()
    await s.daily.checkNow()
    expect(s.written).toEqual(['2026-03-11T01:00:01.000Z'])

    // The new one is fresh: the next hour's look writes nothing.
    s.advance(hour)
    s.tick()
    await s.daily.checkNow()
    expect(s.backUpDaily).toHaveBeenCalledTimes(1)
  })

  it('counts only good backups: a damaged newest one does not stop today’s', async () => {
    const s = scene([stored('2026-03-10T11:00:00.000Z', 'it is not a zip'), stored('2026-03-01T11:00:00.000Z')])
    const run = s.daily.checkNow()
    await s.finish()
    await run
    expect(s.written).toHaveLength(1)
  })

  it('never writes two at once: looks that come while one is written join it', async () => {
    const s = scene([])
    s.daily.start()
    s.tick()
    s.tick()
    void s.daily.checkNow()
    await vi.waitFor(() => expect(s.backUpDaily).toHaveBeenCalledTimes(1))
    expect(s.daily.status()).toEqual({ state: 'writing' })
    s.tick()
    await s.finish()
    await s.daily.checkNow()
    expect(s.backUpDaily).toHaveBeenCalledTimes(1)
    expect(s.daily.status()).toEqual({ state: 'idle' })
  })

  it('shows a failure in words until dismissed, and looks again at the next tick', async () => {
    const user = userEvent.setup()
    const ticks: (() => void)[] = []
    let fail = true
    const backUpDaily = vi.fn(async () =>
      fail
        ? { ok: false as const, problem: { message: 'Could not write /b/x.zip: the disk is full.' } }
        : { ok: true as const, value: null },
    )
    const daily = createAutomaticBackups({
      list: async () => ({ ok: true, value: { folder: '/b', generations: 7, backups: [], lastManual: null } }),
      backUpDaily,
      now: () => new Date(),
      setInterval: (run) => ticks.push(run),
      clearInterval: () => undefined,
    })
    render(<DailyBackups backups={daily} />)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The daily automatic backup failed: Could not write /b/x.zip: the disk is full.')
    await user.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('alert')).toBeNull()

    fail = false
    ticks.forEach((run) => run())
    await vi.waitFor(() => expect(backUpDaily).toHaveBeenCalledTimes(2))
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('says so when the backup folder cannot even be listed', async () => {
    const daily = createAutomaticBackups({
      list: async () => ({ ok: false, problem: { message: 'Permission denied: /b.' } }),
      backUpDaily: vi.fn(),
      now: () => new Date(),
      setInterval: () => 0,
      clearInterval: () => undefined,
    })
    render(<DailyBackups backups={daily} />)
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'WWA Lab could not look at its backups: Permission denied: /b.',
    )
  })
})
