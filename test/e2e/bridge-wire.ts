/**
 * How bytes travel through the test bridge. Playwright carries a Uint8Array
 * between Node and the page by building a string one byte at a time (about
 * 12 MB/s here), which made every large file and backup in the e2e tests and
 * benches measure the test transport instead of the app. Electron's IPC
 * structured-clones bytes natively, so the bridge sends them as base64 text,
 * which both ends encode and decode natively (Buffer in Node, Uint8Array.fromBase64
 * and toBase64 in Chromium). Only the transport changes: the dispatcher and the
 * page still see plain Uint8Arrays.
 */
export const bytesMarker = '\u0000wwa-lab-bytes'

type Wired = { readonly [bytesMarker]: string }

const isWired = (value: object): value is Wired =>
  Object.keys(value).length === 1 && typeof (value as Record<string, unknown>)[bytesMarker] === 'string'

/** Replaces every Uint8Array in plain data with its base64 form. */
export function toWire(value: unknown): unknown {
  if (value instanceof Uint8Array) {
    return { [bytesMarker]: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') }
  }
  if (Array.isArray(value)) return value.map(toWire)
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toWire(item)]))
  }
  return value
}

/** Turns every base64 form back into a Uint8Array of its own (never a view of Buffer's shared pool). */
export function fromWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromWire)
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    if (isWired(value)) return new Uint8Array(Buffer.from(value[bytesMarker], 'base64'))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fromWire(item)]))
  }
  return value
}

/** The same two walks as page script text, for the init script (see labScript in lab-bridge.ts). */
export const pageWireScript = `
  const bytesMarker = ${JSON.stringify(bytesMarker)};
  const isPlain = (value) => value !== null && typeof value === 'object' && !(value instanceof Date);
  const toWire = (value) => {
    if (value instanceof Uint8Array) return { [bytesMarker]: value.toBase64() };
    if (Array.isArray(value)) return value.map(toWire);
    if (isPlain(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toWire(item)]));
    return value;
  };
  const fromWire = (value) => {
    if (Array.isArray(value)) return value.map(fromWire);
    if (isPlain(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && typeof value[bytesMarker] === 'string') return Uint8Array.fromBase64(value[bytesMarker]);
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fromWire(item)]));
    }
    return value;
  };`
