// What the lab-year bench opens and how it judges the figures: one list of screens shared by the run, its checks and its report.
import type { SeedTargets } from './browser/lab-year-seed-api'
import type { ScreenKind } from './browser/lab-year-timing.init'
import type { SeededLab } from './lab-year-seed'

// Timed opens per screen per lab, after one warm-up open of each that is not counted.
export const rounds = 5
export const target = { ms: 300, ratio: 2 } as const
// The lists draw 100 rows a page (DataTable's rowsPerPage) and the audit view shows 100 entries (auditPageSize).
export const pageRows = 100

export type LabKey = 'big' | 'empty'

export type Lab = {
  readonly key: LabKey
  readonly label: string
  readonly profileDir: string
  readonly seeded: SeededLab
  readonly bytes: number
}

export type Screen = {
  readonly kind: Exclude<ScreenKind, 'audit'>
  readonly label: string
  readonly address: (targets: SeedTargets) => string
}

export const screens: readonly Screen[] = [
  { kind: 'products', label: 'Products', address: () => '#/products' },
  { kind: 'units', label: 'Tested units', address: () => '#/units' },
  { kind: 'hubs', label: 'Hubs', address: () => '#/hubs' },
  { kind: 'skills', label: 'Skills', address: () => '#/skills' },
  { kind: 'plans', label: 'Test plans', address: () => '#/plans' },
  { kind: 'sessions', label: 'Sessions list', address: () => '#/sessions' },
  {
    kind: 'runner',
    label: "A session's runner",
    address: (t) => `#/sessions/${encodeURIComponent(t.runnerSessionId)}`,
  },
  {
    kind: 'product',
    label: 'Product page with its history',
    address: (t) => `#/products/${encodeURIComponent(t.productId)}`,
  },
]
export const auditLabel = 'Audit view of the product (from the click)'
// Each screen is opened twice a round: as a new document (about:blank, then the address) and by reloading it there.
export const asNewDocument = (label: string) => `${label}, new document`
// ...and a third time from another screen of the running app, as a person opens it.
export const inTheApp = (label: string) => `${label}, from another screen`
export const rowLabels: readonly string[] = [
  ...screens.map((s) => inTheApp(s.label)),
  auditLabel,
  ...screens.map((s) => s.label),
  ...screens.map((s) => asNewDocument(s.label)),
]

export const whole = (n: number) => Math.round(n).toLocaleString('en-US')
