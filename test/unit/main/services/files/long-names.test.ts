import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { servicesOnDisk, type ServicesOnDisk } from './lab-over-dispatch'

const utf8Bytes = (text: string) => new TextEncoder().encode(text).byteLength
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** A file name of exactly 255 UTF-8 bytes (NAME_MAX on ext4 and APFS), far fewer characters, ending in .xlsx. */
function nameOf255Bytes(): string {
  let stem = 'Prüfbericht – Küchengerät Échelle ✓ 測試報告 '.repeat(4)
  while (utf8Bytes(`${stem}.xlsx`) > 255) stem = [...stem].slice(0, -1).join('')
  while (utf8Bytes(`${stem}.xlsx`) < 255) stem += 'x'
  return `${stem}.xlsx`
}

const bytes = new TextEncoder().encode('the certification report, saved under its long name')

let disk: ServicesOnDisk | undefined
afterEach(async () => {
  await disk?.remove()
  disk = undefined
})

describe('a file name at the length limit', () => {
  const name = nameOf255Bytes()

  it('is 255 bytes of UTF-8 in fewer characters, and the folder refuses one byte more (so these tests can fail)', async () => {
    expect(utf8Bytes(name)).toBe(255)
    expect([...name].length).toBeLessThan(255)
    disk = await servicesOnDisk()
    await expect(writeFile(join(disk.folder, `${name}x`), 'one byte too long')).rejects.toMatchObject({
      code: 'ENAMETOOLONG',
    })
  })

  it('saves in chunks: the temporary file’s name does not grow with the target’s', async () => {
    disk = await servicesOnDisk()
    await writeFile(join(disk.folder, name), 'the old report')
    disk.answerSave(name)
    const begun = await disk.lab.files.beginSave({ suggestedName: name })
    if (!begun.ok || begun.value.canceled) throw new Error(`beginSave failed: ${JSON.stringify(begun)}`)
    const { saveId } = begun.value
    const temporary = (await disk.listing()).filter((each) => each !== name)
    expect(temporary).toHaveLength(1)
    expect(utf8Bytes(temporary[0] ?? '')).toBeLessThanOrEqual(32)

    await disk.lab.files.writeChunk({ saveId, offset: 0, bytes })
    const committed = await disk.lab.files.commitSave({ saveId, size: bytes.byteLength, sha256: sha256(bytes) })

    expect(committed).toMatchObject({ ok: true, value: { name, size: bytes.byteLength } })
    expect(await disk.listing()).toEqual([name])
    expect(new Uint8Array(await readFile(join(disk.folder, name)))).toEqual(bytes)
  })

  it('saves whole through files.saveAs as well', async () => {
    disk = await servicesOnDisk()
    disk.answerSave(name)
    await expect(disk.lab.files.saveAs({ suggestedName: name, bytes })).resolves.toMatchObject({
      ok: true,
      value: { canceled: false, name },
    })
    expect(await disk.listing()).toEqual([name])
    expect(new Uint8Array(await readFile(join(disk.folder, name)))).toEqual(bytes)
  })
})
