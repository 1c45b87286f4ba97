import { describe, expect, it } from 'vitest'
import { backupFormat, backupFormatVersion, checkManifest } from '../../../../core/backup/manifest'

const good = {
  format: backupFormat,
  formatVersion: backupFormatVersion,
  schemaVersion: 3,
  createdAt: '2026-03-01T09:00:00.000Z',
  reason: 'manual',
  database: 'wwa-lab',
  counts: { products: 2 },
  parts: [{ name: 'records.json', size: 10, sha256: 'a'.repeat(64) }],
}

describe('checkManifest', () => {
  it('accepts a manifest of this format and a known storage version', () => {
    expect(checkManifest('b.zip', good, 3)).toMatchObject({ ok: true, value: { counts: { products: 2 } } })
  })

  it('refuses a newer backup format, naming both formats', () => {
    const outcome = checkManifest('b.zip', { ...good, formatVersion: backupFormatVersion + 1, extra: true }, 3)
    expect(outcome).toMatchObject({ ok: false, problem: { code: 'newer-format' } })
    if (!outcome.ok) {
      expect(outcome.problem.message).toContain(`backup format ${backupFormatVersion + 1}`)
      expect(outcome.problem.message).toContain(`reads backup formats 1 to ${backupFormatVersion}`)
    }
  })

  it('refuses a newer storage version, naming both versions', () => {
    const outcome = checkManifest('b.zip', { ...good, schemaVersion: 9 }, 3)
    expect(outcome).toMatchObject({ ok: false, problem: { code: 'newer-schema' } })
    if (!outcome.ok) expect(outcome.problem.message).toMatch(/storage version 9.*up to version 3/)
  })

  it('refuses what is not a backup, a part listed twice, and a manifest without records', () => {
    expect(checkManifest('b.zip', { hello: 1 }, 3)).toMatchObject({ ok: false, problem: { code: 'not-a-backup' } })
    expect(checkManifest('b.zip', { ...good, parts: [...good.parts, ...good.parts] }, 3)).toMatchObject({
      ok: false,
      problem: { code: 'damaged' },
    })
    const noRecords = { ...good, parts: [{ name: 'blobs/000001.bin', size: 1, sha256: 'b'.repeat(64) }] }
    expect(checkManifest('b.zip', noRecords, 3)).toMatchObject({ ok: false, problem: { code: 'damaged' } })
  })
})
