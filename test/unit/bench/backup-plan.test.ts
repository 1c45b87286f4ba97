import { describe, expect, it } from 'vitest'
import { fullLab, planPhotos, readBenchScale } from '../../../bench/backup-plan'
import { recordsPerProduct } from '../../../bench/browser/backup-lab-shape'
import { photoBytes } from '../../../bench/browser/backup-photo-bytes'
import { sniffImageType } from '../../../core/rules/image-type'

describe('the backup bench plan', () => {
  it('is the issue’s lab at scale 1: 10,000 records and 2 GiB of photos of 2–8 MiB each', () => {
    const plan = planPhotos(1)
    expect(plan.records).toBe(fullLab.records)
    expect(plan.products * recordsPerProduct).toBe(plan.records)
    expect(plan.photoBytes).toBe(2 * 1024 ** 3)
    expect(plan.photos.reduce((sum, p) => sum + p.size, 0)).toBe(plan.photoBytes)
    // Every photo but the last, which is cut to reach the total, is 2–8 MiB.
    for (const photo of plan.photos.slice(0, -1)) {
      expect(photo.size).toBeGreaterThanOrEqual(2 * 1024 ** 2)
      expect(photo.size).toBeLessThan(8 * 1024 ** 2)
    }
    expect(new Set(plan.photos.map((p) => p.index)).size).toBe(plan.photos.length)
  })

  it('shrinks records and photos together, the same way every run', () => {
    const tenth = planPhotos(0.1)
    expect(tenth.records).toBe(1_000)
    expect(tenth.photoBytes).toBe(Math.round(fullLab.photoBytes * 0.1))
    expect(planPhotos(0.1)).toEqual(tenth)
  })

  it('refuses a scale that is not above 0 and at most 1, saying what to set', () => {
    expect(readBenchScale(undefined)).toBe(1)
    expect(readBenchScale('0.1')).toBe(0.1)
    for (const raw of ['0', '-1', '2', 'fast']) {
      expect(() => readBenchScale(raw)).toThrow(`WWA_LAB_BENCH_SCALE must be a number above 0 and at most 1`)
    }
  })
})

describe('the bench’s photo bytes', () => {
  it('are a JPEG or WebP to the app’s type check, and differ from seed to seed', () => {
    const a = photoBytes(1, 4096, 'jpeg')
    expect(sniffImageType('a.jpg', a)).toEqual({ ok: true, value: 'image/jpeg' })
    expect([a[4094], a[4095]]).toEqual([0xff, 0xd9])
    expect(sniffImageType('t.webp', photoBytes(2, 4096, 'webp'))).toEqual({ ok: true, value: 'image/webp' })
    const b = photoBytes(2, 4096, 'jpeg')
    expect(Buffer.from(a.subarray(20, 4094)).equals(Buffer.from(b.subarray(20, 4094)))).toBe(false)
    expect(photoBytes(1, 4096, 'jpeg')).toEqual(a)
  })
})
