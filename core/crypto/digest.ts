const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')

/**
 * The SHA-256 of the bytes as 64 lowercase hex digits, by the platform's native
 * WebCrypto (Node and Chromium alike): for photos and files of many megabytes.
 * (sha256.ts is the synchronous one, for small audit entries inside IndexedDB transactions.)
 */
export async function digestSha256Hex(bytes: Uint8Array): Promise<string> {
  // WebCrypto takes bytes over a plain ArrayBuffer; bytes over anything else are copied once.
  const own = bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes)
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', own)))
}
