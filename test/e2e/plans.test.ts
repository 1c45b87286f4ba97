import { afterEach, describe, expect, it } from 'vitest'
import type { PlanVersion } from '../../core/model/test-plan'
import { createFixtureFiles, type FixtureFiles } from './fixtures-files'
import { launchApp, testOrigin, type App } from './harness'
import { readStore } from './pages/catalogue'
import { planRows, planWorkbook, PlansScreen, type PlanSheetRow } from './pages/plans'

let app: App | undefined
let files: FixtureFiles | undefined
afterEach(async () => {
  await app?.close()
  await files?.remove()
  app = undefined
  files = undefined
})

describe('importing test plans', () => {
  it('imports a 60-case plan from an xlsx file, read in a Web Worker, after a preview with the guessed columns', async () => {
    files = await createFixtureFiles()
    const path = await files.bytes('smart plug plan.xlsx', planWorkbook(planRows(60)))
    app = await launchApp()
    const plans = new PlansScreen(app.page)
    await plans.openImport()

    const workers: string[] = []
    app.page.on('worker', (worker) => workers.push(worker.url()))
    app.dialogs.answerOpen([path])
    await plans.chooseFile()

    await plans.preview().waitFor()
    expect(workers).toHaveLength(1)
    expect(workers[0]?.startsWith(`${testOrigin}/assets/file-import.worker-`)).toBe(true)
    expect(await plans.mappingOf('Case ID').inputValue()).toBe('0')
    expect(await plans.mappingOf('Expected result').locator('option:checked').textContent()).toBe('E: Expected result')
    expect(await plans.preview().getByRole('row').count()).toBe(11)
    expect(await app.page.getByText('Preview: the first 10 of 60 rows', { exact: false }).count()).toBe(1)
    await expect
      .poll(() =>
        app?.page.getByRole('status').filter({ hasText: 'Every row of smart plug plan.xlsx is valid.' }).count(),
      )
      .toBe(1)

    await plans.importButton().click()
    expect(await plans.editorSummary()).toBe('Version 1 · 60 cases · Imported from smart plug plan.xlsx')
    expect(await app.page.getByRole('textbox', { name: 'Plan name' }).inputValue()).toBe('smart plug plan')

    const stored = (await readStore(app.page, 'planVersions')) as PlanVersion[]
    expect(stored).toHaveLength(1)
    expect(stored[0]?.cases).toHaveLength(60)
    expect(stored[0]?.cases[4]).toEqual({
      caseId: 'TC-005',
      title: 'Case 5: turn on by voice',
      category: 'Alexa.PowerController',
      steps: 'Say "Alexa, turn on the plug".',
      expected: 'The plug turns on within 2 s.',
      required: false,
    })
    expect(stored[0]?.source).toMatchObject({ kind: 'xlsx', fileName: 'smart plug plan.xlsx' })

    const list = await plans.openList()
    expect(await list.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining(['smart plug plan', '1', '60', 'Imported from smart plug plan.xlsx']),
    )
    app.assertClean()
  })

  it('reports the three rows with errors, with their columns, and stores nothing', async () => {
    files = await createFixtureFiles()
    const rows: PlanSheetRow[] = planRows(20)
    rows[3] = ['TC-004', '', 'Discovery', 'Discover devices.', 'Found.', 'yes'] // row 5: no title
    rows[9] = ['TC-002', 'Duplicate', 'Discovery', 'Discover devices.', 'Found.', 'yes'] // row 11: case ID used in row 3
    rows[14] = ['TC-015', 'Maybe required', 'Power', 'Turn on.', 'On.', 'sometimes'] // row 16: neither yes nor no
    const path = await files.bytes('broken plan.xlsx', planWorkbook(rows))
    app = await launchApp()
    const plans = new PlansScreen(app.page)
    await plans.openImport()
    app.dialogs.answerOpen([path])
    await plans.chooseFile()

    expect(await plans.problems()).toEqual([
      ['5', 'Title', 'Title is required.'],
      ['11', 'Case ID', 'Case ID TC-002 is already used in row 3; case IDs must be unique in a plan.'],
      ['16', 'Required', expect.stringContaining('"sometimes" is not a yes or no.')],
    ])
    expect(await plans.alert().textContent()).toContain(
      '3 problems in 3 rows of broken plan.xlsx. Nothing is imported until every row is valid',
    )
    expect(await plans.importButton().isDisabled()).toBe(true)
    expect(await readStore(app.page, 'planVersions')).toEqual([])
    app.assertClean()
  })

  it('refuses a plan file over 10 MB with a clear message and stores nothing', async () => {
    files = await createFixtureFiles()
    // A CSV of valid cases padded past the limit: only its size is wrong.
    const line = 'TC-1,Turn on,Power,Say turn on,On,yes\n'
    const text = `Case ID,Title,Category,Steps,Expected result,Required\n${'x'.repeat(11 * 1024 * 1024)}\n${line}`
    const path = await files.text('huge plan.csv', text)
    app = await launchApp()
    const plans = new PlansScreen(app.page)
    await plans.openImport()
    app.dialogs.answerOpen([path])
    await plans.chooseFile()

    await plans.alert().waitFor()
    expect(await plans.alert().textContent()).toBe(
      'huge plan.csv is 11 MiB, more than the 10 MiB limit for opening a file. It was not opened. Nothing was imported.',
    )
    expect(await plans.preview().count()).toBe(0)

    // A dropped file never passes the dialog's limit: the page refuses it before reading.
    const dataTransfer = await app.page.evaluateHandle(() => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'dropped plan.xlsx'))
      return transfer
    })
    await app.page.getByRole('group', { name: 'Plan file' }).dispatchEvent('drop', { dataTransfer })
    await expect
      .poll(() => app?.page.getByRole('alert').textContent())
      .toBe('dropped plan.xlsx is 10,485,761 bytes; a plan file can be at most 10 MiB. Nothing was imported.')
    expect(await readStore(app.page, 'planVersions')).toEqual([])
    app.assertClean()
  })
})
