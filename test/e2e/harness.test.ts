import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LabBridge } from '../../core/bridge/contract'
import { contentSecurityPolicy } from '../../main/security/csp'
import { createFixtureFiles, encodePng, type FixtureFiles } from './fixtures-files'
import { launchApp, rendererRoot, testOrigin, type App } from './harness'
import { resolveRendererPath } from '../../main/protocol/serve-renderer'
import { cloneForPage } from './bridge-clone'

// page.evaluate callbacks run in the page, where window.lab is the bridge under test.
type LabWindow = Window & { readonly lab: LabBridge }

let app: App | undefined
let files: FixtureFiles

beforeEach(async () => {
  files = await createFixtureFiles()
})

afterEach(async () => {
  await app?.close()
  app = undefined
  await files.remove()
})

describe('the e2e harness', () => {
  it('serves the built renderer at the app origin with the app CSP, and loads cleanly', async () => {
    app = await launchApp()

    expect(app.page.url()).toBe(`${testOrigin}/`)
    expect(await app.page.title()).toBe('WWA Lab')
    expect(await app.page.evaluate(() => window.isSecureContext)).toBe(true)
    const index = await app.page.reload()
    expect(index?.headers()['content-type']).toBe('text/html; charset=utf-8')
    expect(index?.headers()['content-security-policy']).toBe(contentSecurityPolicy)
    app.assertClean()
  })

  it('installs window.lab from the channel list and hides the raw binding', async () => {
    app = await launchApp()

    const shape = await app.page.evaluate(() => ({
      groups: Object.keys((window as LabWindow).lab).sort(),
      frozen: Object.isFrozen((window as LabWindow).lab),
      rawBinding: '__labInvoke' in window,
    }))

    expect(shape).toEqual({ groups: ['app', 'backups', 'files', 'journal', 'ledger'], frozen: true, rawBinding: false })
  })

  it('answers app.info through the real dispatcher and services', async () => {
    app = await launchApp()

    const reply = await app.page.evaluate(() => (window as LabWindow).lab.app.info())

    expect(reply).toMatchObject({ ok: true, value: { name: 'wwa-lab', electron: null } })
    app.assertClean()
  })

  it('delivers the files a test answers to the open dialog as bytes', async () => {
    app = await launchApp()
    const photo = await files.png('front.png', { width: 3, height: 2, colour: { r: 0, g: 128, b: 255 } })
    const log = await files.text('session.log', 'case 1: pass\n')
    app.dialogs.answerOpen([photo, log])

    const received = await app.page.evaluate(async () => {
      const reply = await (window as LabWindow).lab.files.open({ multiple: true })
      if (!reply.ok) return reply.problem
      const [image, text] = reply.value.files
      // Small files come inline; a large one would come as a read handle.
      if (!image || !text || !('bytes' in image) || !('bytes' in text)) return reply.value
      const bitmap = await createImageBitmap(new Blob([image.bytes]))
      return {
        image: {
          name: image.name,
          isBytes: image.bytes instanceof Uint8Array,
          length: image.bytes.length,
          width: bitmap.width,
          height: bitmap.height,
        },
        text: { name: text.name, content: new TextDecoder().decode(text.bytes) },
      }
    })

    expect(received).toEqual({
      image: {
        name: 'front.png',
        isBytes: true,
        length: encodePng({ width: 3, height: 2, colour: { r: 0, g: 128, b: 255 } }).length,
        width: 3,
        height: 2,
      },
      text: { name: 'session.log', content: 'case 1: pass\n' },
    })
    app.assertClean()
  })

  it('writes files.saveAs to the path the test answers', async () => {
    app = await launchApp()
    const target = join(files.dir, 'report.csv')
    app.dialogs.answerSave(target)

    const reply = await app.page.evaluate(() =>
      (window as LabWindow).lab.files.saveAs({
        suggestedName: 'report.csv',
        bytes: new TextEncoder().encode('asin,status\nB0TEST,ok\n'),
      }),
    )

    expect(reply).toMatchObject({ ok: true, value: { canceled: false, path: target } })
    expect(await readFile(target, 'utf8')).toBe('asin,status\nB0TEST,ok\n')
    app.assertClean()
  })

  it('fails an unanswered dialog with an error naming it, instead of hanging', async () => {
    app = await launchApp()

    const reply = await app.page.evaluate(() => (window as LabWindow).lab.files.open({ title: 'Add unit photos' }))

    expect(reply).toMatchObject({
      ok: false,
      problem: { message: expect.stringMatching(/Unexpected open-file dialog "Add unit photos"/) },
    })
    expect(app.problems()).toEqual([expect.stringMatching(/answerOpen/)])
  })

  it('records a request to another origin and reports it as a problem', async () => {
    app = await launchApp()

    // fetch is refused inside the renderer, an image load reaches the network layer: both must be caught.
    const outcome = await app.page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'loaded',
        () => 'blocked',
      ),
    )
    await app.page.evaluate(() =>
      document.body.append(Object.assign(new Image(), { src: 'https://example.com/badge.png' })),
    )

    expect(outcome).toBe('blocked')
    await expect
      .poll(() => app?.requestsOutsideOrigin)
      .toEqual(['https://example.com/', 'https://example.com/badge.png'])
    expect(app.problems()).toContainEqual(expect.stringMatching(/^CSP violation: .*example\.com/))
    expect(app.problems()).toContainEqual(
      expect.stringMatching(/^Request outside the app's origin: GET https:\/\/example\.com\//),
    )
    expect(() => app?.assertClean()).toThrow(/example\.com/)
  })

  it('keeps IndexedDB data, Blobs included, across a relaunch on the same profile', async () => {
    app = await launchApp()
    await app.page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('harness-check', 1)
          open.onupgradeneeded = () => open.result.createObjectStore('notes', { keyPath: 'id' })
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const tx = open.result.transaction('notes', 'readwrite', { durability: 'strict' })
            tx.objectStore('notes').put({
              id: 'n1',
              text: 'unit received',
              photo: new Blob(['PNG?'], { type: 'image/png' }),
            })
            tx.oncomplete = () => resolve()
            tx.onerror = () => reject(tx.error)
          }
        }),
    )
    const profile = app.profileDir

    app = await app.relaunch()

    expect(app.profileDir).toBe(profile)
    const stored = await app.page.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open('harness-check', 1)
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const get = open.result.transaction('notes').objectStore('notes').get('n1')
            get.onerror = () => reject(get.error)
            get.onsuccess = () => {
              const note = get.result as { text: string; photo: Blob }
              void note.photo.text().then((photo) => resolve({ text: note.text, photo, type: note.photo.type }))
            }
          }
        }),
    )
    expect(stored).toEqual({ text: 'unit received', photo: 'PNG?', type: 'image/png' })
    app.assertClean()
  })

  it('answers 404 for a missing file and refuses paths that leave the renderer folder', async () => {
    app = await launchApp()

    const missing = await app.page.goto(`${testOrigin}/assets/no-such-file.js`)
    const escape = await app.page.goto(`${testOrigin}/assets/..%2f..%2fpackage.json`)

    expect(missing?.status()).toBe(404)
    expect(escape?.status()).toBe(403)
    expect(resolveRendererPath(rendererRoot, '/')).toEqual({ ok: true, path: join(rendererRoot, 'index.html') })
    expect(resolveRendererPath(rendererRoot, '/..%2fmain%2findex.js')).toMatchObject({ ok: false })
    expect(resolveRendererPath(rendererRoot, '/%00.js')).toMatchObject({ ok: false })
  })
})

describe('replies crossing the test bridge', () => {
  it('arrive as Electron would deliver them: a Buffer becomes a plain Uint8Array of its own bytes', () => {
    const pooled = Buffer.from('..abc..').subarray(2, 5)

    const copy = cloneForPage({ ok: true, value: { bytes: pooled } }) as { value: { bytes: Uint8Array } }

    expect(copy.value.bytes.constructor).toBe(Uint8Array)
    expect([...copy.value.bytes]).toEqual([0x61, 0x62, 0x63])
    expect(copy.value.bytes.buffer.byteLength).toBe(3)
  })

  it('refuse, naming where it sits, a value Playwright would silently turn into {}', () => {
    expect(() => cloneForPage({ value: { files: [{ bytes: new ArrayBuffer(4) }] } })).toThrow(
      /reply\.value\.files\[0\]\.bytes is of type ArrayBuffer/,
    )
  })
})
