import { afterEach, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import type { PlanVersion } from '../../core/model/test-plan'
import { seriousAxeViolations } from './axe'
import { createFixtureFiles, type FixtureFiles } from './fixtures-files'
import { launchApp, type App } from './harness'
import { readStore } from './pages/catalogue'
import { PlansScreen } from './pages/plans'
import { seedLab, SessionScreen } from './pages/sessions'

// A plan workbook as labs keep them: a cover sheet of instructions in front, the cases
// on a sheet further in, headed in German, with columns of their own that no plan
// field reads (Notes, Precondition, Priority), and an older sheet kept beside it.

const germanHeader = [
  'Nr.',
  'Testfall',
  'Kategorie',
  'Beschreibung',
  'Erwartetes Ergebnis',
  'Pflicht',
  'Notes',
  'Precondition',
  'Priority',
]

const caseRow = (index: number) => {
  const n = index + 1
  const id = `TF-${String(n).padStart(3, '0')}`
  return [
    id,
    `Einschalten per Sprache ${n}`,
    n % 2 === 0 ? 'Alexa.PowerController' : 'Discovery',
    'Sage „Alexa, schalte den Stecker ein“.',
    'Der Stecker schaltet in 2 s ein.',
    n % 5 === 0 ? 'nein' : 'ja',
    n === 3 ? 'Zweimal prüfen; Firmware 1.2.3 zeigt den Fehler.' : '',
    n === 3 ? 'Stecker gekoppelt, App geschlossen' : 'Stecker gekoppelt',
    n % 3 === 0 ? 'Hoch' : 'Mittel',
  ]
}

function labWorkbook(): Uint8Array {
  const book = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([
      ['Prüfplan Smart Plug, Version 3'],
      ['Anleitung: jeden Testfall auf dem Blatt „Test cases“ der Reihe nach ausführen.'],
      ['Labor', 'North Bench Lab'],
      ['Stand', '2026-11-20'],
    ]),
    'Instructions',
  )
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([
      ['Smart Plug – Testfälle'],
      germanHeader,
      ...Array.from({ length: 150 }, (_, i) => caseRow(i)),
    ]),
    'Test cases',
  )
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([
      ['TC #', 'Test case', 'Expected', 'Mandatory'],
      ...Array.from({ length: 20 }, (_, i) => [`OLD-${i + 1}`, `Old case ${i + 1}`, 'Works', 'yes']),
    ]),
    'Version 2',
  )
  return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
}

let app: App | undefined
let files: FixtureFiles | undefined
afterEach(async () => {
  await app?.close()
  await files?.remove()
  app = undefined
  files = undefined
})

describe('plan workbooks as labs keep them', () => {
  it('reads the 150 cases from the sheet behind the instructions, lets the tester choose another sheet, and shows the kept columns in the runner', async () => {
    files = await createFixtureFiles()
    const path = await files.bytes('Prüfplan Smart Plug.xlsx', labWorkbook())
    app = await launchApp()
    const { page } = app
    await seedLab(page)
    const plans = new PlansScreen(page)
    await plans.openImport()
    app.dialogs.answerOpen([path])
    await plans.chooseFile()

    // The sheet whose header names the plan's fields, not the first one, and the preview says which.
    await plans.preview().waitFor()
    const sheet = plans.sheetPicker()
    expect(await sheet.locator('option:checked').textContent()).toBe('Test cases (150 rows)')
    expect(await sheet.locator('option').allTextContents()).toEqual([
      'Instructions (1 row)',
      'Test cases (150 rows)',
      'Version 2 (20 rows)',
    ])
    expect(
      await page.getByText(/Cases are read from sheet “Test cases”: its header names the most plan fields/).count(),
    ).toBe(1)
    expect(await plans.preview().locator('caption').textContent()).toBe(
      'Preview: the first 10 of 150 rows of sheet “Test cases”, read with the columns chosen above, and the columns kept with each case.',
    )
    expect(await plans.mappingOf('Case ID').locator('option:checked').textContent()).toBe('A: Nr.')
    expect(await plans.mappingOf('Title').locator('option:checked').textContent()).toBe('B: Testfall')
    expect(await plans.mappingOf('Steps').locator('option:checked').textContent()).toBe('D: Beschreibung')
    expect(await plans.mappingOf('Expected result').locator('option:checked').textContent()).toBe(
      'E: Erwartetes Ergebnis',
    )
    expect(await plans.mappingOf('Required').locator('option:checked').textContent()).toBe('F: Pflicht')
    for (const name of ['Notes', 'Precondition', 'Priority'])
      expect(
        await plans
          .keptColumns()
          .getByRole('checkbox', { name: new RegExp(`^${name} `) })
          .isChecked(),
      ).toBe(true)
    expect(await plans.importButton().textContent()).toBe('Import 150 cases')
    expect(await seriousAxeViolations(page)).toEqual([])

    // Another sheet is read again in the worker; its preview names it.
    await sheet.selectOption({ label: 'Version 2 (20 rows)' })
    await expect
      .poll(async () => plans.preview().locator('caption').textContent(), { timeout: 10_000 })
      .toBe('Preview: the first 10 of 20 rows of sheet “Version 2”, read with the columns chosen above.')
    expect(await plans.mappingOf('Case ID').locator('option:checked').textContent()).toBe('A: TC #')
    expect(await plans.importButton().textContent()).toBe('Import 20 cases')
    // A sheet with no cases: nothing to import, and the button says so without a count.
    await plans.sheetPicker().selectOption({ label: 'Instructions (1 row)' })
    await expect.poll(async () => plans.importButton().textContent(), { timeout: 10_000 }).toBe('Nothing to import')
    expect(await plans.importButton().isDisabled()).toBe(true)
    await plans.sheetPicker().selectOption({ label: 'Test cases (150 rows)' })
    await expect.poll(async () => plans.importButton().textContent(), { timeout: 10_000 }).toBe('Import 150 cases')
    await plans.importButton().click()
    expect(await plans.editorSummary()).toBe('Version 1 · 150 cases · Imported from Prüfplan Smart Plug.xlsx')

    const [stored] = (await readStore(page, 'planVersions')) as PlanVersion[]
    expect(stored?.cases).toHaveLength(150)
    expect(stored?.cases[2]).toEqual({
      caseId: 'TF-003',
      title: 'Einschalten per Sprache 3',
      category: 'Discovery',
      steps: 'Sage „Alexa, schalte den Stecker ein“.',
      expected: 'Der Stecker schaltet in 2 s ein.',
      required: true,
      extra: [
        { column: 'Notes', value: 'Zweimal prüfen; Firmware 1.2.3 zeigt den Fehler.' },
        { column: 'Precondition', value: 'Stecker gekoppelt, App geschlossen' },
        { column: 'Priority', value: 'Hoch' },
      ],
    })
    expect(stored?.cases[4]?.required).toBe(false)

    // The runner shows the kept columns of a case as a labelled list.
    const runner = new SessionScreen(page)
    await runner.create({ plan: /^Prüfplan Smart Plug v1/ })
    await runner
      .caseList()
      .getByRole('option', { name: /TF-003/ })
      .click()
    const fromFile = page.getByRole('region', { name: 'From the plan file' })
    await fromFile.waitFor()
    expect(await fromFile.getByRole('term').allTextContents()).toEqual(['Notes', 'Precondition', 'Priority'])
    expect(await fromFile.getByRole('definition').allTextContents()).toEqual([
      'Zweimal prüfen; Firmware 1.2.3 zeigt den Fehler.',
      'Stecker gekoppelt, App geschlossen',
      'Hoch',
    ])
    app.assertClean()
  }, 90_000)
})
