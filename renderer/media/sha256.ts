/**
 * The SHA-256 of the bytes as 64 lowercase hex digits, by the browser's native
 * WebCrypto: for photos and files of many megabytes, off the main thread.
 * (core/crypto/sha256.ts is the synchronous one, for small audit entries inside transactions.)
 */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')
}
