import { createHash } from 'node:crypto'
import { lstat, mkdir, readdir, readFile, readlink, realpath, symlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LinkedSaveQuestion } from '../../../../../main/services/files/dialogs'
import { servicesOnDisk, type ServicesOnDisk } from './lab-over-dispatch'

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const newBytes = new TextEncoder().encode('this week’s report')
const oldText = 'last week’s report'

let disk: ServicesOnDisk | undefined
afterEach(async () => {
  await disk?.remove()
  disk = undefined
})

/** files/report.xlsx is a relative link to ../archive/2024/report.xlsx, which holds last week's report. */
async function withLink(confirm?: (question: LinkedSaveQuestion) => Promise<boolean>) {
  disk = await servicesOnDisk()
  const target = join(dirname(disk.folder), 'archive', '2024', 'report.xlsx')
  await mkdir(dirname(target), { recursive: true })
  await writeFile(target, oldText)
  const link = join(disk.folder, 'report.xlsx')
  await symlink(join('..', 'archive', '2024', 'report.xlsx'), link)
  const asked = vi.fn(confirm ?? (async () => true))
  if (confirm !== undefined) disk.dialogs.confirmSaveThroughLink = asked
  return { on: disk, link, target: await realpath(target), asked }
}

async function saveInChunks(on: ServicesOnDisk) {
  on.answerSave('report.xlsx')
  const begun = await on.lab.files.beginSave({ suggestedName: 'report.xlsx' })
  if (!begun.ok || begun.value.canceled) return begun
  const { saveId } = begun.value
  await on.lab.files.writeChunk({ saveId, offset: 0, bytes: newBytes })
  return on.lab.files.commitSave({ saveId, size: newBytes.byteLength, sha256: sha256(newBytes) })
}

async function expectLinkKept(link: string) {
  expect((await lstat(link)).isSymbolicLink()).toBe(true)
  expect(await readlink(link)).toBe(join('..', 'archive', '2024', 'report.xlsx'))
}

describe('saving onto a symbolic link', () => {
  it('asks first, naming the link and the file it points to, then replaces that file and keeps the link', async () => {
    const { on, link, target, asked } = await withLink(async () => true)

    const committed = await saveInChunks(on)

    expect(asked).toHaveBeenCalledWith({ name: 'report.xlsx', link, target })
    expect(committed).toMatchObject({ ok: true, value: { path: link, name: 'report.xlsx' } })
    await expectLinkKept(link)
    expect(await readFile(target, 'utf8')).toBe('this week’s report')
    expect(await readdir(dirname(target))).toEqual(['report.xlsx']) // no temporary file left where it was written
    expect(await on.listing()).toEqual(['report.xlsx'])
  })

  it('does the same for a file saved whole', async () => {
    const { on, link, target, asked } = await withLink(async () => true)
    on.answerSave('report.xlsx')
    await expect(on.lab.files.saveAs({ suggestedName: 'report.xlsx', bytes: newBytes })).resolves.toMatchObject({
      ok: true,
      value: { canceled: false, path: link },
    })
    expect(asked).toHaveBeenCalledOnce()
    await expectLinkKept(link)
    expect(await readFile(target, 'utf8')).toBe('this week’s report')
  })

  it('changes nothing, and counts as cancelled, when the person declines', async () => {
    const { on, link, target } = await withLink(async () => false)
    await expect(saveInChunks(on)).resolves.toEqual({ ok: true, value: { canceled: true } })
    await expectLinkKept(link)
    expect(await readFile(target, 'utf8')).toBe(oldText)
    expect(await readdir(dirname(target))).toEqual(['report.xlsx'])
  })

  it('is refused with words naming the linked file when the dialogs cannot ask, and changes nothing', async () => {
    const { on, link, target } = await withLink()
    const reply = await saveInChunks(on)
    expect(reply).toEqual({
      ok: false,
      problem: {
        code: 'io-failed',
        message: `Could not save report.xlsx: it is a link to ${target}, and WWA Lab replaces the file a link points to only when you confirm it here. Nothing was saved. Save to ${target} itself, or choose another name.`,
      },
    })
    await expectLinkKept(link)
    expect(await readFile(target, 'utf8')).toBe(oldText)
  })

  it('refuses a link to nothing and a link to a folder, saying which, without asking', async () => {
    disk = await servicesOnDisk()
    const asked = vi.fn(async () => true)
    disk.dialogs.confirmSaveThroughLink = asked
    await symlink(join(disk.folder, 'moved-away.xlsx'), join(disk.folder, 'report.xlsx'))
    await mkdir(join(disk.folder, 'photos'))
    await symlink(join(disk.folder, 'photos'), join(disk.folder, 'photos.zip'))

    const dangling = await saveInChunks(disk)
    disk.answerSave('photos.zip')
    const folder = await disk.lab.files.beginSave({ suggestedName: 'photos.zip' })

    expect(dangling).toMatchObject({
      ok: false,
      problem: { message: expect.stringContaining('it is a link to a file that does not exist. Nothing was saved.') },
    })
    expect(folder).toMatchObject({
      ok: false,
      problem: {
        message: expect.stringMatching(/^Could not save photos\.zip: it is a link to .*photos, which is not a file\./),
      },
    })
    expect(asked).not.toHaveBeenCalled()
    expect(await disk.listing()).toEqual(['photos', 'photos.zip', 'report.xlsx'])
  })
})
