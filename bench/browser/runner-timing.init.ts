// Injected into every document before the page's own scripts (context.addInitScript),
// bundled by vite as an IIFE. It times the built app without changing it: it sees the
// runner's first render with a MutationObserver and each verdict's commit with a
// listener on the IndexedDB transaction that stores it.

const appDbName = 'wwa-lab'
const rawDbName = 'bench-raw-results'
const commitTimeoutMs = 10_000

export type OpenKind = 'runner' | 'sessions-list'

/** One fresh open of the app, in ms from the start of the navigation (the document's time origin). */
export type OpenMarks = {
  readonly kind: OpenKind
  /** The DOM shows it: the runner's first rows with case 1 selected and its details, or the Sessions table. */
  readonly shown: number
  /** The frame after that has been produced, so it is on screen. */
  readonly painted: number
  /** The app's script had arrived (resource timing); the rest is parsing, running, reading IndexedDB and rendering. */
  readonly scriptArrived: number | null
}

export type VerdictRun = {
  readonly sessionId: string
  /** The cases to decide, in list order; the first must be the selected one. */
  readonly caseIds: readonly string[]
  /** The list position of caseIds[0] (the runner names its rows case-option-<position>). */
  readonly firstIndex: number
  /** 'commit': the stored transaction's complete event; 'poll': a second connection reading the row in a loop. */
  readonly watch: 'commit' | 'poll'
}

/** Per verdict, ms from the key press; per raw put, ms from put to complete. */
export type VerdictTimes = {
  readonly stored: number[]
  /** Key press to the app opening its read-write transaction (empty when polled). */
  readonly toTransaction: number[]
  /** Transaction opened to the result row's put (reads, validation, before the audit entry). */
  readonly toPut: number[]
  /** The put to the commit (audit entry, then the flush to disk). */
  readonly putToCommit: number[]
  readonly shown: number[]
  readonly rawStrict: number[]
  readonly rawRelaxed: number[]
}

export type RunnerTiming = {
  opened(): Promise<OpenMarks>
  verdicts(run: VerdictRun): Promise<VerdictTimes>
  /** How many of the session's results the app's database holds as passed, read on a connection of its own. */
  passedCount(sessionId: string): Promise<number>
}

type ResultRow = { readonly sessionId: string; readonly caseId: string; readonly verdict: string }

const isResultRow = (value: unknown): value is ResultRow =>
  typeof value === 'object' && value !== null && 'sessionId' in value && 'caseId' in value && 'verdict' in value

const rowKey = (row: ResultRow) => JSON.stringify([row.sessionId, row.caseId, row.verdict])

// --- When a verdict is stored: the complete event of the transaction that put its row. ---
// Dexie resolves the app's own promise from the same event, so this is the moment the app
// learns the verdict is durable ('strict' durability: flushed to disk). The listener is added
// when the transaction is created, before Dexie sets its oncomplete, so it runs first and the
// time excludes what the app does once it hears (live queries, a re-render). It costs
// microseconds per transaction; polling would compete with the app for the main thread.

/** performance.now() at each step of the transaction that stored a row. */
type CommitMarks = { readonly opened: number; readonly put: number; readonly committed: number }
type Waiter = { resolve(marks: CommitMarks): void; reject(error: Error): void }
type TrackedTransaction = { readonly opened: number; readonly puts: { readonly key: string; readonly at: number }[] }

const commitWaiters = new Map<string, Waiter>()
const tracked = new WeakMap<IDBTransaction, TrackedTransaction>()

const originalTransaction = IDBDatabase.prototype.transaction
IDBDatabase.prototype.transaction = function transaction(
  this: IDBDatabase,
  ...args: Parameters<IDBDatabase['transaction']>
): IDBTransaction {
  const tx = originalTransaction.apply(this, args)
  if (this.name === appDbName && tx.mode === 'readwrite' && tx.objectStoreNames.contains('results')) {
    const info: TrackedTransaction = { opened: performance.now(), puts: [] }
    tracked.set(tx, info)
    tx.addEventListener('complete', () => {
      const committed = performance.now()
      for (const { key, at } of info.puts) commitWaiters.get(key)?.resolve({ opened: info.opened, put: at, committed })
    })
    tx.addEventListener('abort', () => {
      for (const { key } of info.puts)
        commitWaiters.get(key)?.reject(new Error(`The transaction storing ${key} was aborted: ${String(tx.error)}`))
    })
  }
  return tx
}

const originalPut = IDBObjectStore.prototype.put
IDBObjectStore.prototype.put = function put(
  this: IDBObjectStore,
  ...args: [value: unknown, key?: IDBValidKey]
): IDBRequest<IDBValidKey> {
  const request = originalPut.apply(this, args)
  const [value] = args
  const info = tracked.get(this.transaction)
  if (info && this.name === 'results' && isResultRow(value))
    info.puts.push({ key: rowKey(value), at: performance.now() })
  return request
}

function waitForCommit(row: ResultRow): Promise<CommitMarks> {
  const key = rowKey(row)
  return new Promise<CommitMarks>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        finish(() => reject(new Error(`No transaction stored ${key} within ${commitTimeoutMs} ms. ${shownProblem()}`))),
      commitTimeoutMs,
    )
    const finish = (settle: () => void) => {
      clearTimeout(timer)
      commitWaiters.delete(key)
      settle()
    }
    commitWaiters.set(key, {
      resolve: (marks) => finish(() => resolve(marks)),
      reject: (error) => finish(() => reject(error)),
    })
  })
}

const shownProblem = () => {
  const alert = document.querySelector('[role="alert"]')?.textContent
  return alert ? `The app says: ${alert}` : 'The app shows no error.'
}

// --- Small helpers. ---

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed.'))
  })

const completed = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onabort = () => reject(tx.error ?? new Error('Transaction aborted.'))
  })

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
const frameMs = 1000 / 60

/** performance.now() once the frame after this moment has been produced (a rAF, then the task after it). */
const afterNextFrame = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => resolve(performance.now())
      channel.port2.postMessage(undefined)
    }),
  )

async function until(condition: () => boolean, what: string): Promise<void> {
  const start = performance.now()
  while (!condition()) {
    if (performance.now() - start > commitTimeoutMs)
      throw new Error(`Waited ${commitTimeoutMs} ms for ${what}. ${shownProblem()}`)
    await nextFrame()
  }
}

/** performance.now() when the DOM under root first satisfies the condition (checked after each batch of mutations). */
function whenDom(root: Node, condition: () => boolean, what: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      observer.disconnect()
      reject(new Error(`Waited ${commitTimeoutMs} ms for ${what}. ${shownProblem()}`))
    }, commitTimeoutMs)
    const observer = new MutationObserver(() => {
      if (!condition()) return
      observer.disconnect()
      clearTimeout(timer)
      resolve(performance.now())
    })
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true })
  })
}

// --- Opening: when the runner (or the Sessions list) is first on screen. ---

const casesListbox = () => document.querySelector<HTMLElement>('[role="listbox"][aria-label="Cases"]')
const runnerShown = () =>
  casesListbox()?.querySelector('#case-option-0[aria-selected="true"]') != null &&
  document.getElementById('case-title') !== null
const sessionsListShown = () => document.querySelector('table[aria-label="Sessions"] tbody tr') !== null

const opened = new Promise<OpenMarks>((resolve) => {
  const observer = new MutationObserver(() => {
    const kind: OpenKind | undefined = runnerShown() ? 'runner' : sessionsListShown() ? 'sessions-list' : undefined
    if (kind === undefined) return
    const shown = performance.now()
    observer.disconnect()
    void afterNextFrame().then((painted) => {
      const script = performance
        .getEntriesByType('resource')
        .find((e) => e.name.startsWith(`${location.origin}/assets/`) && e.name.endsWith('.js'))
      resolve({
        kind,
        shown,
        painted,
        scriptArrived: script ? (script as PerformanceResourceTiming).responseEnd : null,
      })
    })
  })
  observer.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['aria-selected', 'id'],
  })
})

// --- Setting verdicts from the keyboard. ---

/** A key press as the runner receives it: keydown on the focused element, bubbling to its window listener. */
const press = (key: string) =>
  (document.activeElement ?? document.body).dispatchEvent(
    new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }),
  )

async function openRawStore(): Promise<IDBDatabase> {
  const open = indexedDB.open(rawDbName, 1)
  open.onupgradeneeded = () => {
    // The same key and indexes as LabDb's results table: '[sessionId+caseId], sessionId, caseId'.
    const store = open.result.createObjectStore('results', { keyPath: ['sessionId', 'caseId'] })
    store.createIndex('sessionId', 'sessionId')
    store.createIndex('caseId', 'caseId')
  }
  return request(open)
}

/** ms from put to complete for one result row, written as the app writes it but without Dexie, zod, audit or React. */
async function timeRawPut(db: IDBDatabase, caseId: string, durability: 'strict' | 'relaxed'): Promise<number> {
  const row = {
    sessionId: `raw-${durability}`,
    caseId,
    verdict: 'passed',
    notes: '',
    evidenceIds: [],
    updatedAt: new Date().toISOString(),
    updatedBy: 'bench',
  }
  const start = performance.now()
  const tx = db.transaction('results', 'readwrite', { durability })
  tx.objectStore('results').put(row)
  await completed(tx)
  return performance.now() - start
}

/** ms when a second connection first reads the row with the verdict, reading again as soon as each read returns. */
async function pollStored(db: IDBDatabase, row: ResultRow): Promise<number> {
  const start = performance.now()
  for (;;) {
    const stored: unknown = await request(
      db.transaction('results', 'readonly').objectStore('results').get([row.sessionId, row.caseId]),
    )
    if (isResultRow(stored) && stored.verdict === row.verdict) return performance.now()
    if (performance.now() - start > commitTimeoutMs)
      throw new Error(`Polling never saw ${rowKey(row)}. ${shownProblem()}`)
  }
}

async function verdicts(run: VerdictRun): Promise<VerdictTimes> {
  const listbox = casesListbox()
  if (!listbox) throw new Error('The runner is not open: no "Cases" listbox.')
  listbox.focus() // keys must not start in a field: the runner ignores them there
  const raw = await openRawStore()
  const appDb = run.watch === 'poll' ? await request(indexedDB.open(appDbName)) : undefined
  const times: VerdictTimes = {
    stored: [],
    toTransaction: [],
    toPut: [],
    putToCommit: [],
    shown: [],
    rawStrict: [],
    rawRelaxed: [],
  }
  try {
    for (const [i, caseId] of run.caseIds.entries()) {
      const option = `case-option-${run.firstIndex + i}`
      await until(
        () => listbox.getAttribute('aria-activedescendant') === option && document.activeElement === listbox,
        `case ${caseId} to be selected`,
      )
      // Between presses the app settles, as it would between a tester's keys: the frame after
      // a move is drawn, the moved-to case's history query has run. Each timed step then starts
      // as a task of its own at a random point of a frame, as a real key press arrives, not in a
      // frame callback (where that frame's style, layout and paint would follow at once).
      await nextFrame()
      await nextFrame()
      await sleep(Math.random() * frameMs)
      times.rawStrict.push(await timeRawPut(raw, caseId, 'strict'))
      await sleep(Math.random() * frameMs)
      times.rawRelaxed.push(await timeRawPut(raw, caseId, 'relaxed'))
      await nextFrame()
      await sleep(Math.random() * frameMs)

      const row = { sessionId: run.sessionId, caseId, verdict: 'passed' }
      const committed = run.watch === 'commit' ? waitForCommit(row) : undefined
      const badge = whenDom(
        listbox,
        () => document.getElementById(option)?.querySelector('.verdict-badge.verdict-passed') != null,
        `case ${caseId} to show Passed`,
      )
      const start = performance.now()
      press('p')
      if (committed) {
        const marks = await committed
        times.stored.push(marks.committed - start)
        times.toTransaction.push(marks.opened - start)
        times.toPut.push(marks.put - marks.opened)
        times.putToCommit.push(marks.committed - marks.put)
      } else {
        times.stored.push((await pollStored(appDb as IDBDatabase, row)) - start)
      }
      times.shown.push((await badge) - start)
      // No J: the runner moves to the next case after a verdict (its default), so every verdict is a new case.
    }
  } finally {
    raw.close()
    appDb?.close()
  }
  return times
}

async function passedCount(sessionId: string): Promise<number> {
  const db = await request(indexedDB.open(appDbName))
  try {
    const rows: unknown[] = await request(
      db.transaction('results').objectStore('results').index('sessionId').getAll(sessionId),
    )
    return rows.filter((row) => isResultRow(row) && row.verdict === 'passed').length
  } finally {
    db.close()
  }
}

const runnerTiming: RunnerTiming = { opened: () => opened, verdicts, passedCount }
Object.assign(globalThis, { runnerTiming })
