import { messageOf } from '../../../core/text/message-of'

// What a lab tester can act on, instead of "ENOSPC: no space left on device, write".
const reasons: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'your disk quota is used up',
  EACCES: 'permission was denied',
  // Windows reports a file held open by another program (a report open in Excel) as EPERM.
  EPERM: 'permission was denied, or the file is open in another program',
  EROFS: 'the disk is read-only',
  ENOENT: 'the file or its folder does not exist',
  ENOTDIR: 'part of the path is not a folder',
  EISDIR: 'it is a folder, not a file',
  EBUSY: 'the file is in use by another program',
  ETXTBSY: 'the file is in use by another program',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  ENAMETOOLONG: 'the name or path is too long',
  EIO: 'the disk reported a read or write error',
}

/** A short, lower-case reason for a file-system failure, without a trailing period. */
export function describeFsError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined
  const known = code === undefined ? undefined : reasons[code]
  if (known !== undefined) return known
  const message = messageOf(error)
  return message.replace(/\.+$/, '')
}
