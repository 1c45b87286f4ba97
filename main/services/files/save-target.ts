import * as nodeFs from 'node:fs/promises'
import { basename } from 'node:path'
import { ServiceError } from '../../ipc/dispatcher'
import { describeFsError } from './describe-fs-error'
import type { Dialogs } from './dialogs'

/** Where a save goes: the path the person chose, and the file the rename replaces (the same, unless it was a link). */
export type SaveTarget = { readonly chosen: string; readonly replaced: string }

/** The part of node:fs/promises used to look at the chosen path; tests may pass the real one. */
export type LinkFs = {
  lstat(path: string): Promise<{ isSymbolicLink(): boolean }>
  realpath(path: string): Promise<string>
  stat(path: string): Promise<{ isFile(): boolean }>
}

const nothingSaved = 'Nothing was saved.'

/**
 * Decides which file a save replaces. A chosen path that is a symbolic link
 * would be replaced itself by the atomic rename, so the link is followed
 * instead: the file it points to is replaced and the link is kept, once the
 * person has said yes to exactly that (Dialogs.confirmSaveThroughLink). A link
 * to nothing, to a folder, or in a loop is refused with words, and so is any
 * link when the dialogs cannot ask. Undefined when the person declines.
 */
export async function chooseSaveTarget(
  chosen: string,
  dialogs: Dialogs,
  fs: LinkFs = nodeFs,
): Promise<SaveTarget | undefined> {
  const name = basename(chosen)
  const isLink = await fs.lstat(chosen).then(
    (info) => info.isSymbolicLink(),
    () => false, // Nothing there yet (a new file), or unreadable: the save itself says what is wrong.
  )
  if (!isLink) return { chosen, replaced: chosen }

  let replaced: string
  try {
    replaced = await fs.realpath(chosen)
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : ''
    const why =
      code === 'ENOENT'
        ? 'it is a link to a file that does not exist'
        : code === 'ELOOP'
          ? 'it is a link that leads round in a loop'
          : `it is a link that cannot be followed (${describeFsError(error)})`
    throw refusal(`Could not save ${name}: ${why}. ${nothingSaved} Choose another name, or remove the link first.`)
  }
  const isFile = await fs.stat(replaced).then(
    (info) => info.isFile(),
    () => false,
  )
  if (!isFile) {
    throw refusal(
      `Could not save ${name}: it is a link to ${replaced}, which is not a file. ${nothingSaved} Choose another name.`,
    )
  }
  if (dialogs.confirmSaveThroughLink === undefined) {
    throw refusal(
      `Could not save ${name}: it is a link to ${replaced}, and WWA Lab replaces the file a link points to only when you confirm it here. ${nothingSaved} Save to ${replaced} itself, or choose another name.`,
    )
  }
  const confirmed = await dialogs.confirmSaveThroughLink({ name, link: chosen, target: replaced })
  return confirmed ? { chosen, replaced } : undefined
}

const refusal = (message: string) => new ServiceError('io-failed', message)
