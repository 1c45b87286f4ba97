import { open, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'

// Finding and damaging the IndexedDB files of a test profile, as a disk fault or a power cut would.

export const ledgerPath = (profile: string) => join(profile, 'wwa-lab-main', 'ledger.json')

/** Chromium's LevelDB folder for the app's origin. */
export async function leveldbFolder(profile: string): Promise<string> {
  const root = join(profile, 'Default', 'IndexedDB')
  const found = (await readdir(root)).find((name) => name.includes('wwa-lab.localhost') && name.endsWith('.leveldb'))
  if (!found) throw new Error(`No LevelDB folder for the app under ${root}: ${(await readdir(root)).join(', ')}`)
  return join(root, found)
}

export async function listing(folder: string): Promise<Record<string, number>> {
  const names = await readdir(folder).catch(() => [])
  const sizes: Record<string, number> = {}
  for (const name of names.sort()) sizes[name] = (await stat(join(folder, name))).size
  return sizes
}

/** Overwrites `length` bytes at the middle of a file with a pattern no LevelDB block has. */
export async function overwriteMiddle(path: string, length: number): Promise<{ at: number; size: number }> {
  const { size } = await stat(path)
  const at = Math.max(0, Math.floor(size / 2) - Math.floor(length / 2))
  const handle = await open(path, 'r+')
  try {
    await handle.write(new Uint8Array(Math.min(length, size)).fill(0xa5), 0, Math.min(length, size), at)
  } finally {
    await handle.close()
  }
  return { at, size }
}

export const dataFiles = (files: Record<string, number>) =>
  Object.fromEntries(Object.entries(files).filter(([name]) => /^(\d+\.(log|ldb)|MANIFEST-\d+|CURRENT)$/.test(name)))

export const logOf = (files: Record<string, number>) =>
  Object.keys(files).find((name) => name.endsWith('.log') && name !== 'LOG')
