import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'

// A name of fixed, short length whatever the target is called: a legal
// 255-byte name (NAME_MAX on ext4, APFS and NTFS) must still save, so the
// temporary name cannot be built from the target's. The fixed prefix and
// suffix around 16 hex digits are how the start-up sweep knows a file is ours.
const pattern = /^\.wwa-lab-[0-9a-f]{16}\.tmp$/

/** A new temporary path in the target's folder (the rename must not cross file systems), 30 bytes long. */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.wwa-lab-${randomBytes(8).toString('hex')}.tmp`)
}

/** Whether a path's last part is a name temporaryPathFor makes: nothing else is ever removed by the sweep. */
export function isTemporaryName(path: string): boolean {
  return pattern.test(basename(path))
}
