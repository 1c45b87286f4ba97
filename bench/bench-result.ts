/** One timed figure of a benchmark. */
export type Figure = { readonly label: string; readonly ms: number }

/** What a bench module's run() returns: its subject and a baseline measured in the same run. */
export type BenchResult = {
  readonly name: string
  /** How many items each figure processed, and what they are ("units"). */
  readonly count: number
  readonly items: string
  readonly subject: Figure
  readonly baseline: Figure
  /** Further figures that explain the gap, each also compared with the baseline. */
  readonly details?: readonly Figure[]
  /** Figures too many for one line each: one row per thing measured (lab-year's nine screens), under the headline. */
  readonly table?: FigureTable
  readonly notes?: readonly string[]
}

export type TableColumn = { readonly title: string; readonly align: 'left' | 'right' }

/** Rows of already formatted cells, one cell per column. */
export type FigureTable = { readonly columns: readonly TableColumn[]; readonly rows: readonly (readonly string[])[] }

export type BenchModule = { readonly run: () => Promise<BenchResult> }

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
const ratio = (figure: Figure, baseline: Figure) => `${(figure.ms / baseline.ms).toFixed(2)}×`

/** e.g. "units-save: repositories 4,210 ms for 100,000 units (23,750/s); raw IndexedDB put 3,100 ms; ratio 1.36× raw". */
export function formatResult(result: BenchResult): string {
  const { subject, baseline } = result
  const rate = whole.format((result.count / subject.ms) * 1000)
  const lines = [
    `${result.name}: ${subject.label} ${whole.format(subject.ms)} ms for ${whole.format(result.count)} ${result.items} (${rate}/s); ` +
      `${baseline.label} ${whole.format(baseline.ms)} ms; ratio ${ratio(subject, baseline)} ${shortName(baseline.label)}`,
  ]
  const width = Math.max(0, ...(result.details ?? []).map((d) => d.label.length))
  for (const detail of result.details ?? []) {
    lines.push(
      `  ${detail.label.padEnd(width)}  ${whole.format(detail.ms).padStart(7)} ms  ${ratio(detail, baseline)} ${shortName(baseline.label)}`,
    )
  }
  if (result.table) lines.push(...formatTable(result.table))
  for (const note of result.notes ?? []) lines.push(`  note: ${note}`)
  return lines.join('\n')
}

/** The table's lines, indented as the details are, each column as wide as its widest cell. */
export function formatTable(table: FigureTable): string[] {
  const widths = table.columns.map((column, i) =>
    Math.max(column.title.length, ...table.rows.map((row) => (row[i] ?? '').length)),
  )
  const line = (cells: readonly string[]) =>
    `  ${table.columns
      .map((column, i) => {
        const cell = cells[i] ?? ''
        const width = widths[i] ?? 0
        return column.align === 'right' ? cell.padStart(width) : cell.padEnd(width)
      })
      .join('  ')
      .trimEnd()}`
  return [
    line(table.columns.map((c) => c.title)),
    `  ${widths.map((w) => '-'.repeat(w)).join('  ')}`,
    ...table.rows.map(line),
  ]
}

// "raw IndexedDB put" reads as "1.36× raw": the baseline's first word names it.
const shortName = (label: string) => label.split(' ')[0] ?? label

/** The result, unless the app reported problems while it was measured: then it is printed and the run fails. */
export function trustedResult(result: BenchResult, problems: readonly string[]): BenchResult {
  if (problems.length === 0) return result
  console.log(formatResult(result))
  throw new Error(
    `The app reported ${problems.length} problem(s), so these figures cannot be trusted:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  )
}
