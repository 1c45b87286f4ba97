import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { watchMemory } from '../../../bench/backup-memory'

describe('watchMemory', () => {
  it('sees this process grow by what it touched during the phase, even when it is freed before the end', async () => {
    const profileDir = await mkdtemp(join(tmpdir(), 'wwa-memory-'))
    try {
      const watch = await watchMemory(profileDir)
      // 200 MiB written (so resident), then dropped at once: only the kernel's peak mark or a lucky sample sees it.
      let block: Buffer | null = Buffer.alloc(200 * 1024 ** 2, 1)
      expect(block[block.length - 1]).toBe(1)
      block = null
      const phase = await watch.stop()
      expect(phase.main.pid).toBe(process.pid)
      expect(phase.main.growth).toBeGreaterThan(150 * 1024 ** 2)
      // No Chromium runs on this profile.
      expect(phase.renderer).toBeNull()
      expect(phase.chromium).toEqual([])
    } finally {
      await rm(profileDir, { recursive: true, force: true })
    }
  })
})
