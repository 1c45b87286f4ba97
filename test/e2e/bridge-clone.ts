/**
 * Copies a reply the way Electron's IPC would deliver it, for Playwright to
 * carry into the page. Electron structured-clones, so a Node Buffer arrives as
 * a plain Uint8Array; Playwright's serializer instead turns a Buffer, an
 * ArrayBuffer, a Blob, a Map or a class instance into {} without a word. This
 * makes Buffers plain Uint8Arrays and refuses anything else Playwright would
 * lose, naming where it sits, so a test fails loudly instead of reading {}.
 */
export function cloneForPage(value: unknown, path = 'reply'): unknown {
  if (value === null || value === undefined) return value
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
      return value
    case 'object':
      break
    default:
      throw new Error(`${path} is of type ${typeof value}, which cannot cross from main to the renderer.`)
  }
  // new Uint8Array(view) copies only the view's bytes, never the rest of Buffer's shared pool.
  if (value instanceof Uint8Array) return new Uint8Array(value)
  if (value instanceof Date) return new Date(value.getTime())
  if (Array.isArray(value)) return value.map((item, index) => cloneForPage(item, `${path}[${index}]`))
  const prototype: unknown = Object.getPrototypeOf(value)
  if (prototype === Object.prototype || prototype === null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cloneForPage(item, `${path}.${key}`)]))
  }
  const kind = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object'
  throw new Error(`${path} is of type ${kind}, which the test bridge cannot carry: send a Uint8Array or plain data.`)
}
