// Injected before the app's scripts by bench/lab-year-profile.ts only (never by the bench
// itself, so the figures there carry no wrapper): records every IndexedDB request the page
// makes, when it was asked and when it answered, so a profile can say which reads a screen
// waited on. IndexedDB works in the browser process, where a CPU profile of the page does not look.

export type IdbRequestTrace = {
  readonly what: string
  /** performance.now() when the page asked, and when the answer arrived (null: never). */
  readonly asked: number
  readonly answered: number | null
  /** Records in the answer, for getAll and count. */
  readonly size: number | null
}

export type IdbTrace = { requests(): readonly IdbRequestTrace[] }

const requests: { what: string; asked: number; answered: number | null; size: number | null }[] = []

function watch(what: string, request: IDBRequest | IDBOpenDBRequest): void {
  const entry = { what, asked: performance.now(), answered: null as number | null, size: null as number | null }
  requests.push(entry)
  const done = () => {
    entry.answered ??= performance.now()
    const result: unknown = request.readyState === 'done' && !request.error ? request.result : undefined
    if (Array.isArray(result)) entry.size = result.length
    else if (typeof result === 'number') entry.size = result
  }
  request.addEventListener('success', done)
  request.addEventListener('error', done)
}

type Source = IDBObjectStore | IDBIndex
const nameOf = (source: Source) =>
  source instanceof IDBIndex ? `${source.objectStore.name}.${source.name}` : source.name

function wrap<T extends Source>(proto: T, methods: readonly (keyof T & string)[]): void {
  for (const method of methods) {
    const original = proto[method] as unknown as (this: T, ...args: unknown[]) => IDBRequest
    if (typeof original !== 'function') continue
    Object.defineProperty(proto, method, {
      configurable: true,
      writable: true,
      value: function (this: T, ...args: unknown[]) {
        const request = original.apply(this, args)
        // Cursors answer once per step; the first answer is what the trace shows.
        watch(`${method} ${nameOf(this)}${args.length > 0 && args[0] != null ? ' (range)' : ''}`, request)
        return request
      },
    })
  }
}

const readMethods = [
  'get',
  'getAll',
  'getAllKeys',
  'count',
  'openCursor',
  'openKeyCursor',
  'put',
  'add',
  'delete',
] as const
wrap(IDBObjectStore.prototype, readMethods)
wrap(IDBIndex.prototype, ['get', 'getAll', 'getAllKeys', 'count', 'openCursor', 'openKeyCursor'])
const open = IDBFactory.prototype.open
IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
  const request = version === undefined ? open.call(this, name) : open.call(this, name, version)
  watch(`open ${name}`, request)
  return request
}
const databases = IDBFactory.prototype.databases
IDBFactory.prototype.databases = function (this: IDBFactory) {
  const asked = performance.now()
  const entry = { what: 'databases()', asked, answered: null as number | null, size: null as number | null }
  requests.push(entry)
  return databases.call(this).then((list) => {
    entry.answered = performance.now()
    entry.size = list.length
    return list
  })
}

const idbTrace: IdbTrace = { requests: () => requests.map((r) => ({ ...r })) }
Object.assign(globalThis, { idbTrace })
