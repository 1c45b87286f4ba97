import { unzipSync } from 'fflate'
import type { ZipPart } from './zip-directory'
import { reservedSegmentOf } from './zip-part-names'

export type UnzippedParts =
  | { readonly ok: true; readonly parts: ReadonlyMap<string, Uint8Array> }
  /** fflate read a list of parts other than the one checked before: names, sizes or their number. */
  | { readonly ok: false; readonly reason: 'disagrees'; readonly name: string }
  /** What the kept parts unpack to passed `maxBytes`, by their declared sizes or by what inflating them gave. */
  | { readonly ok: false; readonly reason: 'too-large'; readonly bytes: number }

/**
 * Unpacks the parts `keep` selects, with fflate, into a Map: never into a plain object
 * a part name could reach the prototype of. Before each part is inflated, fflate's
 * reading of it must be the one `directory` holds (name and size, in order), and the
 * sizes so far must stay within `maxBytes`; fflate never writes past a part's declared
 * size, and the output is counted again after. Throws when a part cannot be inflated.
 */
export function unzipParts(
  bytes: Uint8Array,
  directory: readonly ZipPart[],
  keep: (name: string) => boolean,
  maxBytes: number,
): UnzippedParts {
  let index = 0
  let declared = 0
  let mismatch: string | undefined
  let tooLarge = false
  const files = unzipSync(bytes, {
    filter: (file) => {
      const expected = directory[index++]
      if (expected?.name !== file.name || expected.unpackedBytes !== file.originalSize) mismatch ??= file.name
      if (mismatch !== undefined || tooLarge || reservedSegmentOf(file.name) !== undefined || !keep(file.name))
        return false
      declared += file.originalSize
      if (declared > maxBytes) tooLarge = true
      return !tooLarge
    },
  })
  if (mismatch === undefined && index !== directory.length) mismatch = directory[index]?.name ?? '(none)'
  if (mismatch !== undefined) return { ok: false, reason: 'disagrees', name: mismatch }
  if (tooLarge) return { ok: false, reason: 'too-large', bytes: declared }
  const parts = new Map<string, Uint8Array>()
  let inflated = 0
  for (const name of Object.keys(files)) {
    const part = files[name]
    if (part === undefined) continue
    inflated += part.byteLength
    parts.set(name, part)
  }
  if (inflated > maxBytes) return { ok: false, reason: 'too-large', bytes: inflated }
  return { ok: true, parts }
}
