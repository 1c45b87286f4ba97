// One spelling of a value, so that its hash depends on the data alone: keys sorted by
// UTF-16 code units, no whitespace, numbers and strings as JSON.stringify writes them.
// For the values it accepts, this is the JSON Canonicalization Scheme (RFC 8785).
//
// It refuses what JSON.stringify would silently change (NaN becomes null, a Map
// becomes {}, undefined in an array becomes null), because an audit entry whose
// stored value differs from what was hashed could never verify again.

/** JSON text of `value` with sorted keys and no whitespace; throws a clear error for anything JSON cannot hold. */
export function canonicalJson(value: unknown): string {
  return write(value, '$', new Set())
}

function write(value: unknown, path: string, open: Set<object>): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value)
    case 'number':
      if (!Number.isFinite(value))
        throw new TypeError(`${path} is ${String(value)}, which JSON cannot hold: only finite numbers can be written.`)
      return JSON.stringify(value)
    case 'undefined':
      throw new TypeError(`${path} is undefined, which JSON cannot hold.`)
    case 'bigint':
      throw new TypeError(`${path} is a BigInt, which JSON cannot hold: convert it to a string or number first.`)
    case 'function':
    case 'symbol':
      throw new TypeError(`${path} is a ${typeof value}, which JSON cannot hold.`)
    case 'object':
      return value === null ? 'null' : writeObject(value, path, open)
  }
  // typeof has no other results; this keeps noImplicitReturns satisfied.
  throw new TypeError(`${path} has a type JSON cannot hold.`)
}

function writeObject(value: object, path: string, open: Set<object>): string {
  if (open.has(value)) throw new TypeError(`${path} refers back to itself, which JSON cannot hold.`)
  open.add(value)
  try {
    if (Array.isArray(value)) {
      // An index loop, not map: map skips the holes of a sparse array.
      const items: string[] = []
      for (let index = 0; index < value.length; index++) items.push(write(value[index], `${path}[${index}]`, open))
      return `[${items.join(',')}]`
    }
    const toJson: unknown = (value as { toJSON?: unknown }).toJSON
    // A Date is written as JSON.stringify writes it: its ISO text.
    if (typeof toJson === 'function') return write(toJson.call(value), path, open)
    const prototype: unknown = Object.getPrototypeOf(value)
    if (prototype !== Object.prototype && prototype !== null) {
      const kind = (value as { constructor?: { name?: unknown } }).constructor?.name
      throw new TypeError(
        `${path} is a ${typeof kind === 'string' && kind !== '' ? kind : 'non-plain object'}, which JSON cannot hold: use plain objects and arrays.`,
      )
    }
    const record = value as Record<string, unknown>
    const parts: string[] = []
    for (const key of Object.keys(record).sort()) {
      const item = record[key]
      if (item === undefined) continue
      parts.push(`${JSON.stringify(key)}:${write(item, `${path}.${key}`, open)}`)
    }
    return `{${parts.join(',')}}`
  } finally {
    open.delete(value)
  }
}
