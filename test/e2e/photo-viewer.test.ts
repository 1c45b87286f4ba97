import type { Locator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seriousAxeViolations } from './axe'
import { openNewUnit, waitForSaved } from './pages/catalogue'
import { perTest } from './per-test'

const made = perTest()

/** The photo's on-screen box: where the viewer put it after zooming and panning. */
const boxOf = async (image: Locator) => {
  const box = await image.boundingBox()
  if (!box) throw new Error('The photo in the viewer is not on screen.')
  return box
}

describe('a photo at full size', () => {
  it('opens full size, zooms and pans from the keyboard and the mouse, and closes back to where it was opened', async () => {
    const app = await made.launch()
    const files = await made.files()
    const { page } = app
    const unit = await openNewUnit(page)
    app.dialogs.answerOpen([
      await files.png('front.png', { width: 2400, height: 1600, colour: { r: 30, g: 90, b: 200 } }),
    ])
    await unit.addPhotosThroughDialog()
    expect(await unit.decodedThumbnails()).toBe(1)
    await waitForSaved(page)

    const open = page.getByRole('button', { name: 'View full size: front.png' })
    await open.click()
    const viewer = page.getByRole('dialog', { name: 'front.png' })
    const image = viewer.getByRole('img', { name: 'front.png' })
    await image.waitFor()
    const close = viewer.getByRole('button', { name: 'Close' })
    await expect.poll(() => close.evaluate((button) => button === document.activeElement)).toBe(true)
    // The original, not the thumbnail.
    await expect.poll(() => image.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBe(2400)
    const zoom = viewer.getByText(/^Zoom \d+ %$/)
    await expect.poll(async () => Number((await zoom.innerText()).match(/\d+/)?.[0])).toBeLessThan(100)
    const fitText = await zoom.innerText()
    expect(await seriousAxeViolations(page)).toEqual([])

    // Keyboard: + zooms in; arrows pan; 0 fits again.
    await page.keyboard.press('+')
    await page.keyboard.press('+')
    await expect.poll(() => zoom.innerText()).not.toBe(fitText)
    const zoomedWidth = (await boxOf(image)).width
    const before = await boxOf(image)
    await page.keyboard.press('ArrowLeft')
    await expect.poll(async () => (await boxOf(image)).x).toBeCloseTo(before.x + 60, 0)
    await page.keyboard.press('ArrowUp')
    await expect.poll(async () => (await boxOf(image)).y).toBeCloseTo(before.y + 60, 0)
    await page.keyboard.press('0')
    await expect.poll(() => zoom.innerText()).toBe(fitText)

    // Buttons and the mouse: Zoom in, the wheel, a drag, Actual size, Fit.
    await viewer.getByRole('button', { name: 'Zoom in' }).click()
    await expect.poll(() => zoom.innerText()).not.toBe(fitText)
    await viewer.getByRole('button', { name: 'Zoom out' }).click()
    await expect.poll(() => zoom.innerText()).toBe(fitText)
    const stage = await boxOf(image)
    await page.mouse.move(stage.x + stage.width / 2, stage.y + stage.height / 2)
    await page.mouse.wheel(0, -200)
    await expect.poll(async () => (await boxOf(image)).width).toBeGreaterThan(stage.width)
    await viewer.getByRole('button', { name: 'Actual size' }).click()
    await expect.poll(() => zoom.innerText()).toBe('Zoom 100 %')
    expect((await boxOf(image)).width).toBeCloseTo(2400, 0)
    expect(zoomedWidth).toBeLessThan(2400)
    const held = await boxOf(image)
    const middle = { x: stage.x + stage.width / 2, y: stage.y + stage.height / 2 }
    await page.mouse.move(middle.x, middle.y)
    await page.mouse.down()
    await page.mouse.move(middle.x - 100, middle.y - 50, { steps: 4 })
    await page.mouse.up()
    await expect.poll(async () => (await boxOf(image)).x).toBeCloseTo(held.x - 100, 0)
    await viewer.getByRole('button', { name: 'Fit' }).click()
    await expect.poll(() => zoom.innerText()).toBe(fitText)

    // Escape closes it, and the keyboard is back on the button that opened it.
    await page.keyboard.press('Escape')
    await expect.poll(() => viewer.count()).toBe(0)
    await expect.poll(() => open.evaluate((button) => button === document.activeElement)).toBe(true)
    app.assertClean()
  })
})
