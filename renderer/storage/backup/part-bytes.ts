import { digestSha256Hex } from '../../../core/crypto/digest'
import { createSha256 } from '../../../core/crypto/sha256'

/**
 * Parts up to this size are read whole and hashed by WebCrypto (native, fast);
 * larger ones (a long video among the evidence) are read in pieces of this size
 * and hashed incrementally, so memory stays at one piece whatever a part's size.
 */
export const wholePartBytes = 32 * 1024 * 1024

/** Hashes the pieces of a part as they pass, natively when the part is one piece. */
export function createPartHash(size: number) {
  if (size <= wholePartBytes) {
    let only: Uint8Array | undefined
    return {
      update(piece: Uint8Array) {
        if (only !== undefined) throw new Error('A part up to 32 MiB is hashed as one piece.')
        only = piece
      },
      hex: () => digestSha256Hex(only ?? new Uint8Array(0)),
    }
  }
  const hasher = createSha256()
  return {
    update: (piece: Uint8Array) => hasher.update(piece),
    hex: async () => hasher.hex(),
  }
}

/** The pieces of a part as one array of `size` bytes (their total unless given). */
export function joinPieces(
  pieces: readonly Uint8Array[],
  size = pieces.reduce((sum, piece) => sum + piece.byteLength, 0),
): Uint8Array<ArrayBuffer> {
  const whole = new Uint8Array(size)
  let at = 0
  for (const piece of pieces) {
    whole.set(piece, at)
    at += piece.byteLength
  }
  return whole
}
