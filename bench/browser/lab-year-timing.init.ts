// Injected into every document before the app's scripts (context.addInitScript), bundled by
// vite as an IIFE. It times the built app without changing it: a MutationObserver, installed
// before the app runs, sees the moment the screen at the document's address first shows its
// useful content; the frame after that moment is when a person sees it. Playwright's polling
// plays no part in the figure.

export const screenKinds = [
  'products',
  'units',
  'hubs',
  'skills',
  'plans',
  'sessions',
  'runner',
  'product',
  'audit',
  // The readiness matrix (#/reviews): timed by the readiness-open bench, not by lab-year.
  'reviews',
] as const
export type ScreenKind = (typeof screenKinds)[number]

/** What the screen showed at that moment, so a figure can never come from an empty screen. */
export type ScreenFacts = {
  /** Lists: the count line ("300 shown"). Runner: "Case 1 of 2000 …", "1996 of 2000 cases decided", the case heading. Audit view: its "The newest …" line. */
  readonly text: readonly string[]
  /** Rows drawn: table rows, the runner's options, the product's sessions. */
  readonly rows: number
}

/** ms from the navigation's start (the document's time origin), or for the audit view from the click. */
export type OpenMarks = {
  readonly screen: ScreenKind
  /** The DOM holds the useful content. */
  readonly shown: number
  /** The frame after that has been produced: on screen. */
  readonly painted: number
  readonly facts: ScreenFacts
  /** Where a load's time went (null for the audit view's click): the app's script had arrived (resource timing)... */
  readonly scriptArrived: number | null
  /** ...and the app had drawn its shell (start() had opened the database; the first render is in #root). */
  readonly shell: number | null
}

export type LabYearTiming = {
  /** The screen at this document's address, once it first shows its content. */
  opened(): Promise<OpenMarks>
  /**
   * Opens the screen at this address as a person does in the running app: from another screen
   * (Settings, drawn and idle), following a link to it; ms from following the link.
   */
  openInApp(address: string): Promise<OpenMarks>
  /** Once the page is idle, clicks the product page's audit <details> open and times it to the entries table. */
  openAudit(): Promise<OpenMarks>
  /** The audit view's chain line (Intact…, Not intact…, or its progress), or null before it shows. */
  chainLine(): string | null
}

const timeoutMs = 120_000

const lists: Readonly<Partial<Record<ScreenKind, string>>> = {
  products: 'Products',
  units: 'Tested units',
  hubs: 'Hubs',
  skills: 'Skills',
  plans: 'Test plans',
  sessions: 'Sessions',
  reviews: 'Listings',
}

/** The screen a full load at this address opens, from the app's routes (#/<section>[/<id>]). */
function screenAt(hash: string): ScreenKind | undefined {
  const [section = '', id] = (hash.replace(/^#\/?/, '').split('?')[0] ?? '').split('/')
  if (id === undefined || id === '') return section in lists ? (section as ScreenKind) : undefined
  if (section === 'sessions') return 'runner'
  if (section === 'products') return 'product'
  return undefined
}

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? ''

/** The table's first data row: every list's rows open their record through a link; the empty-list row has none. */
const listTable = (label: string) => document.querySelector<HTMLTableElement>(`table[aria-label="${label}"]`)
const hasDataRow = (label: string) => listTable(label)?.querySelector('tbody tr td a') != null

const runnerShown = () =>
  document.querySelector('[role="listbox"][aria-label="Cases"] #case-option-0[aria-selected="true"]') !== null &&
  document.getElementById('case-title') !== null

const productSessions = () => document.querySelector('section[aria-labelledby="product-history-title"] ul.link-list')
const auditTable = () => document.querySelector('table[aria-label="Audit entries"]')

function isShown(screen: ScreenKind): boolean {
  const list = lists[screen]
  if (list !== undefined) return hasDataRow(list)
  switch (screen) {
    case 'runner':
      return runnerShown()
    case 'product':
      return productSessions()?.querySelector('li') != null
    case 'audit':
      return auditTable()?.querySelector('tbody tr') != null
    default:
      return false
  }
}

function factsOf(screen: ScreenKind): ScreenFacts {
  const list = lists[screen]
  if (list !== undefined) {
    const table = listTable(list)
    return {
      text: [text(table?.closest('.data-table')?.querySelector('.table-toolbar [aria-live]'))],
      rows: table?.querySelectorAll('tbody tr:not([aria-hidden])').length ?? 0,
    }
  }
  switch (screen) {
    case 'runner': {
      const title = document.getElementById('case-title')
      return {
        text: [
          text(title?.closest('article')?.querySelector('p.muted')),
          text(document.querySelector('.progress-summary label span')),
          text(title),
        ],
        rows: document.querySelectorAll('[role="listbox"][aria-label="Cases"] [role="option"]').length,
      }
    }
    case 'product':
      return {
        text: [text(document.getElementById('product-title'))],
        rows: productSessions()?.querySelectorAll(':scope > li').length ?? 0,
      }
    case 'audit': {
      const table = auditTable()
      return { text: [text(table?.previousElementSibling)], rows: table?.querySelectorAll('tbody tr').length ?? 0 }
    }
    default:
      return { text: [], rows: 0 }
  }
}

/** What the page shows instead, for an error message. */
const onScreen = () => {
  const alert = text(document.querySelector('[role="alert"]'))
  return alert
    ? `The app says: ${alert}`
    : `The page shows: ${text(document.querySelector('main') ?? document.body).slice(0, 300) || 'nothing'}`
}

/** performance.now() once the frame after this moment has been produced (a rAF, then the task after it). */
const afterNextFrame = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => resolve(performance.now())
      channel.port2.postMessage(undefined)
    }),
  )

const scriptArrived = () => {
  const script = performance
    .getEntriesByType('resource')
    .find((e) => e.name.startsWith(`${location.origin}/assets/`) && e.name.endsWith('.js'))
  return script ? (script as PerformanceResourceTiming).responseEnd : null
}

/** Resolves with the marks once the screen shows, checked after each batch of DOM changes (and once now). */
function whenShown(screen: ScreenKind, root: Node): Promise<OpenMarks> {
  return new Promise<OpenMarks>((resolve, reject) => {
    let done = false
    let shell: number | null = null
    const settle = () => {
      if (shell === null && document.getElementById('root')?.firstElementChild) shell = performance.now()
      if (done || !isShown(screen)) return
      done = true
      const shown = performance.now()
      const facts = factsOf(screen)
      observer.disconnect()
      clearTimeout(timer)
      void afterNextFrame().then((painted) =>
        resolve({ screen, shown, painted, facts, scriptArrived: scriptArrived(), shell }),
      )
    }
    const observer = new MutationObserver(settle)
    const timer = setTimeout(() => {
      observer.disconnect()
      reject(
        new Error(`The ${screen} screen did not show within ${timeoutMs / 1000} s at ${location.href}. ${onScreen()}`),
      )
    }, timeoutMs)
    observer.observe(root, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-selected', 'id'],
    })
    settle()
  })
}

const loaded = screenAt(location.hash)
// Installed now, before any of the app's script runs, so the first render cannot slip past it.
const opened: Promise<OpenMarks> =
  location.origin.startsWith('http') && loaded !== undefined
    ? whenShown(loaded, document)
    : Promise.reject(new Error(`No timed screen at ${location.href}.`))
opened.catch(() => undefined) // read only when asked for

const idle = () => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2_000 }))

async function openAudit(): Promise<OpenMarks> {
  // The product page's own reads settle first, so the click is timed alone.
  await idle()
  const summary = document.querySelector<HTMLElement>('details.audit-details > summary')
  if (!summary) throw new Error(`No audit <details> on ${location.href}. ${onScreen()}`)
  const shown = whenShown('audit', summary.parentElement ?? document)
  const clicked = performance.now()
  summary.click()
  const marks = await shown
  return { ...marks, shown: marks.shown - clicked, painted: marks.painted - clicked, scriptArrived: null, shell: null }
}

async function openInApp(address: string): Promise<OpenMarks> {
  const screen = screenAt(address)
  if (screen === undefined) throw new Error(`No timed screen at ${address}.`)
  location.hash = '#/settings'
  const deadline = performance.now() + timeoutMs
  while (isShown(screen) || document.querySelector('h1')?.textContent !== 'Settings') {
    if (performance.now() > deadline) throw new Error(`Settings did not show at ${location.href}. ${onScreen()}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  await idle()
  const shown = whenShown(screen, document)
  const followed = performance.now()
  location.hash = address
  const marks = await shown
  return {
    ...marks,
    shown: marks.shown - followed,
    painted: marks.painted - followed,
    scriptArrived: null,
    shell: null,
  }
}

const chainLine = () => {
  const trail = document.querySelector('.audit-trail')
  if (!trail) return null
  const line = trail.querySelector('.chain-line')
  if (line) return text(line)
  const progress = trail.querySelector<HTMLProgressElement>('progress')
  return progress
    ? `checking: ${Math.round(progress.value).toLocaleString('en-US')} of ${Math.round(progress.max).toLocaleString('en-US')}`
    : null
}

const labYearTiming: LabYearTiming = { opened: () => opened, openInApp, openAudit, chainLine }
Object.assign(globalThis, { labYearTiming })
