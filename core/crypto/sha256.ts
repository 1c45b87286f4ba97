// A synchronous SHA-256 (FIPS 180-4). WebCrypto's digest is asynchronous, and an
// IndexedDB transaction commits as soon as it awaits anything but its own requests,
// so the audit trail hashes entries with this inside the transaction that writes them.

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
])

const initial = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
] as const

// Reused across calls: every function here is synchronous, so no two calls share them at once.
const W = new Int32Array(64)
const H = new Int32Array(8)
const tail = new Uint8Array(128)

/** Mixes every whole 64-byte block of `bytes` from `start` to `end` into `state`. */
function compress(state: Int32Array, bytes: Uint8Array, start: number, end: number): void {
  let h0 = state[0]!,
    h1 = state[1]!,
    h2 = state[2]!,
    h3 = state[3]!,
    h4 = state[4]!,
    h5 = state[5]!,
    h6 = state[6]!,
    h7 = state[7]!
  for (let offset = start; offset + 64 <= end; offset += 64) {
    for (let t = 0; t < 16; t++) {
      const i = offset + t * 4
      W[t] = (bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!
    }
    for (let t = 16; t < 64; t++) {
      const w15 = W[t - 15]!
      const w2 = W[t - 2]!
      const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3)
      const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10)
      W[t] = (W[t - 16]! + s0 + W[t - 7]! + s1) | 0
    }
    let a = h0,
      b = h1,
      c = h2,
      d = h3,
      e = h4,
      f = h5,
      g = h6,
      h = h7
    for (let t = 0; t < 64; t++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
      const ch = (e & f) ^ (~e & g)
      const t1 = (h + S1 + ch + K[t]! + W[t]!) | 0
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
      const maj = (a & b) ^ (a & c) ^ (b & c)
      const t2 = (S0 + maj) | 0
      h = g
      g = f
      f = e
      e = (d + t1) | 0
      d = c
      c = b
      b = a
      a = (t1 + t2) | 0
    }
    h0 = (h0 + a) | 0
    h1 = (h1 + b) | 0
    h2 = (h2 + c) | 0
    h3 = (h3 + d) | 0
    h4 = (h4 + e) | 0
    h5 = (h5 + f) | 0
    h6 = (h6 + g) | 0
    h7 = (h7 + h) | 0
  }
  state[0] = h0
  state[1] = h1
  state[2] = h2
  state[3] = h3
  state[4] = h4
  state[5] = h5
  state[6] = h6
  state[7] = h7
}

const hexDigits = '0123456789abcdef'

/** The SHA-256 of `bytes` as 64 lowercase hex digits, computed synchronously. */
export function sha256Hex(bytes: Uint8Array): string {
  H.set(initial)
  const length = bytes.length
  const whole = length - (length % 64)
  compress(H, bytes, 0, whole)
  finish(H, bytes.subarray(whole), length)
  return hexOf(H)
}

/** A running SHA-256: feed it the bytes in pieces of any size, in order. */
export type Sha256Hasher = {
  update(bytes: Uint8Array): Sha256Hasher
  /** The SHA-256 of every byte so far; more bytes may follow. */
  hex(): string
}

/** A SHA-256 over bytes that arrive in pieces (a file saved in chunks), equal to sha256Hex of them all at once. */
export function createSha256(): Sha256Hasher {
  // Each hasher keeps its own state: several saves may hash at once, between sha256Hex calls.
  const state = Int32Array.from(initial)
  const block = new Uint8Array(64)
  let buffered = 0
  let length = 0

  const hasher: Sha256Hasher = {
    update(bytes) {
      length += bytes.length
      let start = 0
      if (buffered > 0) {
        start = Math.min(64 - buffered, bytes.length)
        block.set(bytes.subarray(0, start), buffered)
        buffered += start
        if (buffered < 64) return hasher
        compress(state, block, 0, 64)
        buffered = 0
      }
      const whole = bytes.length - ((bytes.length - start) % 64)
      compress(state, bytes, start, whole)
      block.set(bytes.subarray(whole), 0)
      buffered = bytes.length - whole
      return hasher
    },
    hex() {
      // Padding goes into a copy, so the running state can take more bytes afterwards.
      H.set(state)
      finish(H, block.subarray(0, buffered), length)
      return hexOf(H)
    },
  }
  return hasher
}

/** Pads the last partial block `rest` of a message `length` bytes long and mixes it into `state`. */
function finish(state: Int32Array, rest: Uint8Array, length: number): void {
  // The last partial block, the 0x80 marker and the bit length fill one or two blocks.
  const tailLength = rest.length < 56 ? 64 : 128
  tail.fill(0)
  tail.set(rest, 0)
  tail[rest.length] = 0x80
  // The bit length is 64 bits big-endian; byte lengths up to 2^53 fit in two 32-bit halves.
  const high = Math.floor(length / 0x20000000)
  const low = (length * 8) >>> 0
  tail[tailLength - 8] = high >>> 24
  tail[tailLength - 7] = high >>> 16
  tail[tailLength - 6] = high >>> 8
  tail[tailLength - 5] = high
  tail[tailLength - 4] = low >>> 24
  tail[tailLength - 3] = low >>> 16
  tail[tailLength - 2] = low >>> 8
  tail[tailLength - 1] = low
  compress(state, tail, 0, tailLength)
}

function hexOf(state: Int32Array): string {
  let hex = ''
  for (let i = 0; i < 8; i++) {
    const word = state[i]!
    for (let shift = 28; shift >= 0; shift -= 4) hex += hexDigits[(word >>> shift) & 15]
  }
  return hex
}
