import { afterEach, describe, expect, it } from 'vitest'
import { encodePng } from '../helpers/png'
import { createFixtureFiles, type FixtureFiles } from './fixtures-files'
import { launchApp, type App } from './harness'
import { seriousAxeViolations } from './axe'
import { openNewUnit, readStore, waitForSaved } from './pages/catalogue'

/** The first bytes of an iPhone photo: an ISO-BMFF "ftyp" box of brand heic. */
const heicBytes = () =>
  new Uint8Array([
    0,
    0,
    0,
    24,
    ...Buffer.from('ftypheic'),
    0,
    0,
    0,
    0,
    ...Buffer.from('mif1heic'),
    ...new Uint8Array(64),
  ])

let app: App | undefined
let files: FixtureFiles | undefined
afterEach(async () => {
  await app?.close()
  await files?.remove()
  app = undefined
  files = undefined
})

describe('unit photos', () => {
  it('takes photos dropped on the gallery, with thumbnails', async () => {
    app = await launchApp()
    const unit = await openNewUnit(app.page)
    const png = Buffer.from(encodePng({ width: 320, height: 200, colour: { r: 10, g: 160, b: 90 } })).toString('base64')
    const dataTransfer = await app.page.evaluateHandle((base64) => {
      const transfer = new DataTransfer()
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      transfer.items.add(new File([bytes], 'dropped.png', { type: 'image/png' }))
      return transfer
    }, png)
    const gallery = app.page.getByRole('group', { name: 'Unit photos' })
    await gallery.dispatchEvent('dragover', { dataTransfer })
    await gallery.dispatchEvent('drop', { dataTransfer })
    expect(await unit.decodedThumbnails()).toBe(1)
    // Decoded in the image decoder's worker, not on the window's thread.
    expect(app.page.workers().some((worker) => worker.url().includes('image-decode'))).toBe(true)
    await waitForSaved(app.page)
    expect(await gallery.getByRole('img').getAttribute('alt')).toBe('dropped.png')
    expect(await gallery.getByText('320×200').count()).toBe(1)
    app.assertClean()
  })

  it('refuses a log file passed as a photo, naming it, and stores nothing', async () => {
    app = await launchApp()
    files = await createFixtureFiles()
    await openNewUnit(app.page)
    app.dialogs.answerOpen([await files.text('bench.log', 'boot ok\nwifi joined\n')])
    await app.page.getByRole('button', { name: 'Add photos…' }).click()
    await app.page.getByRole('alert').filter({ hasText: 'bench.log is not a photo' }).waitFor()
    expect(await readStore(app.page, 'files')).toEqual([])
    expect(await app.page.getByRole('group', { name: 'Unit photos' }).getByRole('img').count()).toBe(0)
    app.assertClean()
  })

  it('takes what a photo shows from its file name, and asks when the name does not say', async () => {
    app = await launchApp()
    files = await createFixtureFiles()
    const unit = await openNewUnit(app.page)
    const { page } = app
    // A real JPEG named back.jpg, made by the browser and dropped on the gallery.
    const dataTransfer = await page.evaluateHandle(async () => {
      const canvas = new OffscreenCanvas(400, 300)
      const context = canvas.getContext('2d')
      if (context) {
        context.fillStyle = '#2a6'
        context.fillRect(0, 0, 400, 300)
      }
      const blob = await canvas.convertToBlob({ type: 'image/jpeg' })
      const transfer = new DataTransfer()
      transfer.items.add(new File([blob], 'back.jpg', { type: 'image/jpeg' }))
      return transfer
    })
    const gallery = page.getByRole('group', { name: 'Unit photos' })
    await gallery.dispatchEvent('dragover', { dataTransfer })
    await gallery.dispatchEvent('drop', { dataTransfer })
    expect(await unit.decodedThumbnails()).toBe(1)
    // Added second, with a name that says nothing: its place in the batch does not make it the back or the front.
    app.dialogs.answerOpen([
      await files.png('IMG_2031.png', { width: 200, height: 200 }),
      await files.png('Typenschild.png', { width: 200, height: 100 }),
    ])
    await unit.addPhotosThroughDialog()
    await expect.poll(() => gallery.getByRole('img').count()).toBe(3)
    await waitForSaved(page)

    const shows = (name: string) =>
      gallery
        .getByRole('listitem')
        .filter({ has: page.getByRole('img', { name }) })
        .getByRole('combobox', { name: 'Shows' })
    const chosen = async (name: string) => shows(name).locator('option:checked').textContent()
    expect(await chosen('back.jpg')).toBe('Back')
    expect(await chosen('Typenschild.png')).toBe('Rating label')
    expect(await chosen('IMG_2031.png')).toBe('Choose…')
    expect(await shows('IMG_2031.png').getAttribute('aria-describedby')).toBeTruthy()
    await gallery.getByText('Its name does not say: choose what it shows.').waitFor()
    expect(await seriousAxeViolations(page)).toEqual([])

    await shows('IMG_2031.png').selectOption({ label: 'Front' })
    await waitForSaved(page)
    const [stored] = (await readStore(page, 'units')) as { photos: { role: string | null }[] }[]
    expect(stored?.photos.map((p) => p.role)).toEqual(['back', 'front', 'rating-label'])
    expect(await shows('IMG_2031.png').locator('option').allTextContents()).not.toContain('Choose…')
    app.assertClean()
  })

  it('refuses HEIC photos, by name or by their bytes, saying how to convert them, and stores nothing', async () => {
    app = await launchApp()
    files = await createFixtureFiles()
    await openNewUnit(app.page)
    const { page } = app
    app.dialogs.answerOpen([
      await files.bytes('IMG_0042.HEIC', heicBytes()),
      await files.bytes('IMG_0043.jpg', heicBytes()), // renamed, but still HEIC inside
    ])
    await page.getByRole('button', { name: 'Add photos…' }).click()
    const alert = page.getByRole('alert')
    await alert.filter({ hasText: 'IMG_0043.jpg is a HEIC photo' }).waitFor()
    const messages = await alert.getByRole('listitem').allInnerTexts()
    expect(messages).toHaveLength(2)
    for (const [index, name] of ['IMG_0042.HEIC', 'IMG_0043.jpg'].entries()) {
      expect(messages[index]).toMatch(new RegExp(`^${name.replace('.', '\\.')} is a HEIC photo`))
      expect(messages[index]).toContain('nothing was stored')
      expect(messages[index]).toContain('Export as JPEG')
      expect(messages[index]).toContain('Save as, JPEG')
    }

    // Dropped, it is told by its type before it is read.
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([new Uint8Array([1, 2, 3])], 'from-phone', { type: 'image/heic' }))
      return transfer
    })
    const gallery = page.getByRole('group', { name: 'Unit photos' })
    await gallery.dispatchEvent('drop', { dataTransfer })
    await alert.filter({ hasText: 'from-phone is a HEIC photo' }).waitFor()
    expect(await readStore(page, 'files')).toEqual([])
    expect(await gallery.getByRole('img').count()).toBe(0)
    expect(await seriousAxeViolations(page)).toEqual([])
    app.assertClean()
  })
})
