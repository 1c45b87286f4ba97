import { regionNames } from '../model/marketplace'
import { verdictLabels, verdicts, type Result, type Verdict } from '../model/result'
import { sessionOutcomeLabels, sessionStateLabels, type Session } from '../model/session'
import { instant, type SheetCell, type SheetRows } from './sheet'

/** What a report needs to know of one evidence file. */
export type EvidenceFacts = { readonly name: string; readonly sha256: string }

/** Everything a session report says, as plain data read before it is written. */
export type SessionReportInput = {
  readonly labName: string
  /** Null when the product's record is gone; the report still names the session's product id. */
  readonly product: { readonly brand: string; readonly modelNumber: string; readonly name: string } | null
  readonly session: Session
  readonly results: readonly Result[]
  /** Evidence files by id; a result naming a file not here says so in place of its name. */
  readonly evidence: ReadonlyMap<string, EvidenceFacts>
  /** People's names by id (everyone in the lab profile, those who left included, and the workstation). */
  readonly people: ReadonlyMap<string, string>
  /** The newest entry of the audit trail when the report was made, or null for an empty trail. */
  readonly auditHead: { readonly seq: number; readonly hash: string } | null
  readonly exportedAt: string
  readonly exportedBy: string
}

export const resultsHeader = [
  'Case ID',
  'Title',
  'Category',
  'Required',
  'Verdict',
  'Notes',
  'Evidence files',
  'Evidence SHA-256',
  'Who',
  'When (UTC)',
] as const

/** "Acme AC-100": brand and model number, as the product is named everywhere. */
export const productLabel = (product: SessionReportInput['product']): string =>
  product ? `${product.brand} ${product.modelNumber}`.replace(/\s+/g, ' ').trim() : ''

/** Who a result or entry names: the person's name, or says plainly that the id is not in the lab profile. */
export function personName(people: ReadonlyMap<string, string>, id: string): string {
  if (id === '') return ''
  return people.get(id) ?? `Unknown person (id ${id})`
}

/** The outcome as a lab writes it ("Passed", "Failed", …), or why there is none yet. */
function outcomeText(session: Session): string {
  if (session.outcome !== null) return sessionOutcomeLabels[session.outcome]
  return `None yet (${sessionStateLabels[session.state].toLowerCase()})`
}

/**
 * The rows of a session report's two sheets: a cover (what was tested, by whom,
 * where, when, the outcome and the audit head at export) and the results, one
 * row per case of the plan the session ran, in the plan's order. Pure: the same
 * input gives the same rows, for the workbook and for anything else that shows them.
 */
export function sessionReportSheets(input: SessionReportInput): readonly [SheetRows, SheetRows] {
  const { session } = input
  const byCase = new Map(input.results.map((r) => [r.caseId, r]))
  const counts = new Map<Verdict, number>(verdicts.map((v) => [v, 0]))

  const rows: SheetCell[][] = session.plan.cases.map((testCase) => {
    const result = byCase.get(testCase.caseId)
    const verdict = result?.verdict ?? 'untested'
    counts.set(verdict, (counts.get(verdict) ?? 0) + 1)
    const files = (result?.evidenceIds ?? []).map(
      (id) =>
        input.evidence.get(id) ?? {
          name: `Missing file (id ${id})`,
          sha256: 'unknown: the file is not in the lab’s records',
        },
    )
    return [
      testCase.caseId,
      testCase.title,
      testCase.category,
      testCase.required,
      verdictLabels[verdict],
      result?.notes ?? '',
      files.map((f) => f.name).join('\n'),
      files.map((f) => f.sha256).join('\n'),
      personName(input.people, result?.updatedBy ?? ''),
      instant(result?.updatedAt),
    ]
  })

  const product = input.product
  const cover: [string, SheetCell][] = [
    ['Lab', input.labName],
    ['Product', product ? productLabel(product) : `Missing product record (id ${session.productId})`],
    ['Product name', product?.name ?? ''],
    ['Unit serial number', session.unitAsTested.serialNumber],
    ['Unit firmware', session.unitAsTested.firmware],
    ['Unit hardware revision', session.unitAsTested.hardwareRevision],
    ['Test plan', session.plan.name],
    ['Plan version', session.plan.version],
    ['Cases', session.plan.cases.length],
    ['Tester', session.testerName],
    ['Region', regionNames[session.region]],
    ['Marketplaces', session.marketplaces.join(', ')],
    ['Started (UTC)', instant(session.startedAt)],
    ['Completed (UTC)', instant(session.completedAt)],
    ['State', sessionStateLabels[session.state]],
    ['Outcome', outcomeText(session)],
    ['Completed by', session.completedBy?.name ?? null],
    ['Why it ended early', session.closeReason ?? null],
    ...verdicts.map((v): [string, SheetCell] => [`Cases ${verdictLabels[v].toLowerCase()}`, counts.get(v) ?? 0]),
    ['Audit trail head at export: entry', input.auditHead?.seq ?? 0],
    ['Audit trail head at export: SHA-256', input.auditHead?.hash ?? 'No entries yet'],
    ['Exported (UTC)', instant(input.exportedAt)],
    ['Exported by', input.exportedBy],
  ]

  return [
    { name: 'Cover', header: ['Field', 'Value'], rows: cover, widths: [36, 70], table: false },
    { name: 'Results', header: resultsHeader, rows, widths: [14, 48, 20, 10, 14, 60, 32, 66, 22, 20], table: true },
  ]
}

/** "Acme AC-100 smart plug plan v3 session report 2026-12-02.xlsx", without characters file systems refuse. */
export function sessionReportFileName(input: Pick<SessionReportInput, 'product' | 'session' | 'exportedAt'>): string {
  const model = input.product?.modelNumber ?? 'Session'
  const name = `${model} ${input.session.plan.name} v${input.session.plan.version} session report ${input.exportedAt.slice(0, 10)}`
  const safe = name
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
  return `${safe.slice(0, 200)}.xlsx`
}
