import type { Locator, Page } from 'playwright-core'
import * as XLSX from 'xlsx'

/** A row of a plan spreadsheet, as a lab writes one. */
export type PlanSheetRow = readonly [
  caseId: string,
  title: string,
  category: string,
  steps: string,
  expected: string,
  required: string,
]

export const planSheetHeader = ['Case ID', 'Title', 'Category', 'Steps', 'Expected result', 'Required'] as const

/** An xlsx workbook holding one sheet "Cases": the header row, then the rows. */
export function planWorkbook(rows: readonly PlanSheetRow[]): Uint8Array {
  const book = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([[...planSheetHeader], ...rows.map((row) => [...row])]),
    'Cases',
  )
  return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
}

/** `n` valid cases: TC-001… with a category, steps and an expected result; every fifth is optional. */
export const planRows = (n: number): PlanSheetRow[] =>
  Array.from({ length: n }, (_, i) => {
    const id = `TC-${String(i + 1).padStart(3, '0')}`
    return [
      id,
      `Case ${i + 1}: turn on by voice`,
      i % 2 === 0 ? 'Alexa.PowerController' : 'Discovery',
      'Say "Alexa, turn on the plug".',
      'The plug turns on within 2 s.',
      i % 5 === 4 ? 'no' : 'yes',
    ]
  })

/** The Test plans list, the import page and the plan editor. */
export class PlansScreen {
  constructor(private readonly page: Page) {}

  async openList(): Promise<Locator> {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Test plans' }).click()
    await this.page.getByRole('heading', { name: 'Test plans' }).waitFor()
    return this.page.getByRole('table', { name: 'Test plans' })
  }

  async openImport() {
    await this.openList()
    await this.page.getByRole('link', { name: 'Import plan…' }).click()
    await this.page.getByRole('heading', { name: 'Import a test plan' }).waitFor()
  }

  /** Chooses the file through the dialog; the test must have queued the dialog's answer. */
  async chooseFile() {
    await this.page.getByRole('button', { name: 'Choose plan file…' }).click()
  }

  mappingOf(label: string): Locator {
    return this.page
      .getByRole('group', { name: 'Column of each field' })
      .getByRole('combobox', { name: label, exact: true })
  }

  preview(): Locator {
    return this.page.getByRole('table', { name: 'Preview' })
  }

  /** The one Import button: "Import 30 cases" when the file can be imported, "Nothing to import" (disabled) when not. */
  importButton(): Locator {
    return this.page.getByRole('button', { name: /^(Import [\d,]+ cases?|Nothing to import)$/ })
  }

  /** The choice of the workbook sheet the cases are read from. */
  sheetPicker(): Locator {
    return this.page.getByRole('combobox', { name: 'Sheet', exact: true })
  }

  /** The checkboxes of the file's other columns, kept with each case. */
  keptColumns(): Locator {
    return this.page.getByRole('group', { name: 'Other columns, kept with each case' })
  }

  /** The validation report as [row, column, what is wrong] lines. */
  async problems(): Promise<string[][]> {
    const table = this.page.getByRole('table', { name: 'Problems' })
    await table.waitFor()
    const rows = await table.getByRole('row').all()
    const lines: string[][] = []
    for (const row of rows.slice(1)) lines.push(await row.getByRole('cell').allTextContents())
    return lines
  }

  /** The reason a file was refused, as the page shows it. */
  alert(): Locator {
    return this.page.getByRole('alert')
  }

  /** After an import: the editor's summary line, e.g. "Version 1 · 60 cases · Imported from plan.xlsx". */
  async editorSummary(): Promise<string> {
    const line = this.page.getByText(/^Version \d+ · \d+ cases? · /)
    await line.waitFor()
    return (await line.textContent()) ?? ''
  }

  /** Imports a plan file through the dialog (the test queues its answer) and waits for the editor's grid. */
  async importThroughDialog(answer: () => void, cases: number) {
    await this.openImport()
    answer()
    await this.chooseFile()
    await this.page.getByRole('button', { name: `Import ${cases.toLocaleString('en-US')} cases` }).click()
    await this.casesGrid().waitFor()
  }

  /** The plan editor's cases grid. */
  casesGrid(): Locator {
    return this.page.getByRole('grid', { name: 'Cases' })
  }

  /** A cell of the grid, by its column's header and what it holds, e.g. cell('ID', 'TC-002'). */
  cell(column: string, text: string): Locator {
    return this.casesGrid().getByRole('gridcell', { name: `${column} ${text}`, exact: true })
  }

  /** The grid's row of a case, by its number in the plan (from 1). */
  row(n: number): Locator {
    return this.casesGrid().locator(`[role="row"][aria-rowindex="${n + 1}"]`)
  }

  /** What has the cursor: a grid cell as "<column> <text>", else its (or its control's) label. */
  async focused(): Promise<string> {
    return this.page.evaluate(() => {
      const active = document.activeElement
      if (!(active instanceof HTMLElement)) return ''
      const names = (active.getAttribute('aria-labelledby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
      const control = active.querySelector('[aria-label]')
      return (
        names.join(' ').trim() ||
        (active.getAttribute('aria-label') ?? control?.getAttribute('aria-label') ?? active.textContent ?? '')
      )
    })
  }

  /** Goes to a case through "Find a case". */
  async find(text: string) {
    await this.page.getByRole('searchbox', { name: 'Find a case' }).fill(text)
    await this.page.getByRole('searchbox', { name: 'Find a case' }).press('Enter')
  }
}
