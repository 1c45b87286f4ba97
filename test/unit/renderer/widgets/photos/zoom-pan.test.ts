import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  clampView,
  fitScale,
  fitted,
  maxScale,
  panBy,
  percentOf,
  zoomStep,
} from '../../../../../renderer/widgets/photos/zoom-pan'

const photo = { width: 4000, height: 3000 }
const stage = { width: 1000, height: 600 }

describe('zoom and pan', () => {
  test('fit shows the whole photo, and never enlarges a small one', () => {
    expect(fitScale(photo, stage)).toBe(0.2)
    expect(fitted(photo, stage)).toEqual({ scale: 0.2, x: 0, y: 0 })
    expect(fitScale({ width: 320, height: 200 }, stage)).toBe(1)
  })

  test('zooms in and out by steps, between fit and eight times', () => {
    const start = fitted(photo, stage)
    const once = zoomStep(start, 1, photo, stage)
    expect(once.scale).toBeCloseTo(0.25)
    expect(percentOf(once)).toBe('25 %')
    expect(zoomStep(start, -1, photo, stage)).toEqual(start)
    let view = start
    for (let i = 0; i < 40; i++) view = zoomStep(view, 1, photo, stage)
    expect(view.scale).toBe(maxScale)
  })

  test('keeps the point under the cursor in place', () => {
    const view = { scale: 1, x: 0, y: 0 }
    const anchor = { x: 200, y: -100 }
    const zoomed = zoomStep(view, 1, photo, stage, anchor)
    // The image point under the anchor: (anchor - offset) / scale, the same before and after.
    expect((anchor.x - zoomed.x) / zoomed.scale).toBeCloseTo((anchor.x - view.x) / view.scale)
    expect((anchor.y - zoomed.y) / zoomed.scale).toBeCloseTo((anchor.y - view.y) / view.scale)
  })

  test('pans only as far as the photo reaches, and not at all when it fits', () => {
    const big = { scale: 1, x: 0, y: 0 }
    expect(panBy(big, -40, 0, photo, stage)).toEqual({ scale: 1, x: -40, y: 0 })
    expect(panBy(big, -1e6, 1e6, photo, stage)).toEqual({ scale: 1, x: -1500, y: 1200 })
    expect(panBy(fitted(photo, stage), 50, 50, photo, stage)).toEqual(fitted(photo, stage))
  })

  test('a clamped view always covers the stage where the photo is larger', () => {
    const size = fc.record({ width: fc.integer({ min: 1, max: 9000 }), height: fc.integer({ min: 1, max: 9000 }) })
    fc.assert(
      fc.property(
        size,
        size,
        fc.double({ min: 0.01, max: 20, noNaN: true }),
        fc.integer(),
        fc.integer(),
        (p, s, scale, x, y) => {
          const view = clampView({ scale, x, y }, p, s)
          expect(view.scale).toBeGreaterThanOrEqual(fitScale(p, s))
          expect(view.scale).toBeLessThanOrEqual(maxScale)
          expect(Math.abs(view.x)).toBeLessThanOrEqual(Math.max(0, (p.width * view.scale - s.width) / 2) + 1e-9)
          expect(Math.abs(view.y)).toBeLessThanOrEqual(Math.max(0, (p.height * view.scale - s.height) / 2) + 1e-9)
        },
      ),
    )
  })
})
