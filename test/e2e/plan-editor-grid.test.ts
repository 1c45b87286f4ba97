import { describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import type { AuditEntry } from '../../core/audit/audit-entry'
import type { PlanVersion } from '../../core/model/test-plan'
import { seriousAxeViolations } from './axe'
import { readStore, waitForSaved } from './pages/catalogue'
import { planRows, planSheetHeader, planWorkbook, PlansScreen } from './pages/plans'
import { perTest } from './per-test'

const each = perTest()

const planEntries = async (page: Parameters<typeof readStore>[0], versionId: string) =>
  ((await readStore(page, 'audit')) as AuditEntry[]).filter((e) => e.entity.id === versionId)

const storedPlan = async (page: Parameters<typeof readStore>[0]) =>
  ((await readStore(page, 'planVersions')) as PlanVersion[])[0]

describe('the plan editor as a grid', () => {
  it('opens a 3,000-case plan, moves with the keys, edits by typing, jumps to an ID, and saves each edit as one audit entry', async () => {
    const files = await each.files()
    const path = await files.bytes('full plan.xlsx', planWorkbook(planRows(3000)))
    const app = await each.launch()
    const { page } = app
    const plans = new PlansScreen(page)
    await plans.importThroughDialog(() => app.dialogs.answerOpen([path]), 3000)

    const grid = plans.casesGrid()
    expect(await grid.getAttribute('aria-rowcount')).toBe('3001')
    expect(await grid.getAttribute('aria-colcount')).toBe('8')
    expect(await grid.getByRole('columnheader').allTextContents()).toEqual([
      '#',
      'ID',
      'Title',
      'Category',
      'Steps',
      'Expected result',
      'Required',
      'Delete',
    ])
    // Only the rows in view are drawn, each saying where it is in the plan.
    const drawn = await grid.getByRole('row').count()
    expect(drawn).toBeGreaterThan(5)
    expect(drawn).toBeLessThan(80)
    expect(await plans.row(3).getByRole('rowheader').textContent()).toBe('3')
    await waitForSaved(page)
    expect(await seriousAxeViolations(page)).toEqual([])
    const version = await storedPlan(page)
    const entriesAtImport = (await planEntries(page, version?.id ?? '')).length

    // One Tab stop: the first case's ID; from there the arrows move.
    await plans.cell('ID', 'TC-001').click()
    expect(await plans.cell('ID', 'TC-001').getAttribute('tabindex')).toBe('0')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowRight')
    expect(await plans.focused()).toBe('Title Case 2: turn on by voice')
    expect(await plans.cell('ID', 'TC-001').getAttribute('tabindex')).toBe('-1')

    // Typing replaces the cell's text; a pause in the middle is still one edit.
    await page.keyboard.type('Pairs with')
    await page.waitForTimeout(400)
    await page.keyboard.type(' the hub')
    await page.keyboard.press('Enter')
    expect(await plans.focused()).toBe('Title Case 3: turn on by voice')
    await waitForSaved(page)

    await plans.find('TC-2750')
    expect(await page.getByRole('status').filter({ hasText: 'Case 2,750: TC-2750.' }).count()).toBe(1)
    expect(await plans.focused()).toBe('ID TC-2750')
    await page.keyboard.press('End')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft')
    expect(await plans.focused()).toBe('Expected result The plug turns on within 2 s.')
    await page.keyboard.press('F2')
    await page.keyboard.type(' Alexa says OK.')
    await page.keyboard.press('Tab')
    expect(await plans.focused()).toBe('Required, case 2750')
    await waitForSaved(page)
    expect(await seriousAxeViolations(page)).toEqual([])

    const entries = (await planEntries(page, version?.id ?? '')).slice(entriesAtImport)
    expect(entries).toHaveLength(2)
    expect(JSON.stringify(entries[0]?.changes)).toContain('Pairs with the hub')
    expect(JSON.stringify(entries[1]?.changes)).toContain('The plug turns on within 2 s. Alexa says OK.')

    await page.reload()
    await plans.casesGrid().waitFor()
    expect(await plans.cell('Title', 'Pairs with the hub').count()).toBe(1)
    await plans.find('TC-2750')
    expect(await plans.cell('Expected result', 'The plug turns on within 2 s. Alexa says OK.').count()).toBe(1)
    const stored = await storedPlan(page)
    expect(stored?.cases[1]?.title).toBe('Pairs with the hub')
    expect(stored?.cases[2749]?.expected).toBe('The plug turns on within 2 s. Alexa says OK.')
    expect(stored?.cases).toHaveLength(3000)
    app.assertClean()
  })

  it('undoes an edit with Escape, shows a cleared title in its cell, toggles Required, deletes with Undo, adds a case and shows kept columns', async () => {
    const files = await each.files()
    const book = XLSX.utils.book_new()
    const rows = planRows(12).map((row, i) => [...row, i === 2 ? 'Check twice' : ''])
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([[...planSheetHeader, 'Notes'], ...rows]), 'Cases')
    const path = await files.bytes(
      'plug plan.xlsx',
      new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer),
    )
    const app = await each.launch()
    const { page } = app
    const plans = new PlansScreen(page)
    await plans.importThroughDialog(() => app.dialogs.answerOpen([path]), 12)
    await waitForSaved(page)

    // The file's own column is shown, read-only.
    expect(await plans.casesGrid().getByRole('columnheader', { name: 'Notes' }).count()).toBe(1)
    const note = plans.cell('Notes', 'Check twice')
    expect(await note.getAttribute('aria-readonly')).toBe('true')

    // Escape puts the text back.
    await plans.cell('Title', 'Case 1: turn on by voice').click()
    await page.keyboard.press('Enter')
    await page.keyboard.type(' and off')
    await page.keyboard.press('Escape')
    expect(await plans.focused()).toBe('Title Case 1: turn on by voice')

    // A cleared title says what is wrong in its cell, and a button leads back to it.
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Delete')
    const problem = page.getByText('Title is required.', { exact: true })
    await problem.waitFor()
    expect(await page.getByRole('status').filter({ hasText: 'Not saved yet' }).count()).toBe(1)
    expect(await page.getByRole('button', { name: 'Go to case 2 (TC-002)' }).count()).toBe(1)
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.keyboard.type('Turns on by voice')
    await page.keyboard.press('Enter')
    await waitForSaved(page)

    // Space on Required turns it off.
    await page.keyboard.press('End')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft')
    expect(await plans.focused()).toBe('Required, case 3')
    await page.keyboard.press(' ')
    expect(await plans.row(3).getByRole('checkbox', { name: 'Required, case 3' }).isChecked()).toBe(false)

    // Deleting says so and can be undone.
    await plans.row(4).getByRole('button', { name: 'Delete case 4 (TC-004)' }).click()
    await page.getByText('Deleted case 4 (TC-004: Case 4: turn on by voice).').waitFor()
    expect(await plans.cell('ID', 'TC-004').count()).toBe(0)
    await page.getByRole('button', { name: 'Undo' }).click()
    await plans.cell('ID', 'TC-004').waitFor()

    // Add case puts the cursor in the new case's title.
    await page.getByRole('button', { name: 'Add case' }).click()
    expect(await plans.focused()).toBe('Title, case 13')
    await page.keyboard.type('Reports power')
    await page.keyboard.press('Enter')
    await waitForSaved(page)
    expect(await seriousAxeViolations(page)).toEqual([])

    const stored = await storedPlan(page)
    expect(stored?.cases.map((c) => c.caseId)).toEqual([...planRows(12).map((row) => row[0]), 'TC-013'])
    expect(stored?.cases[0]?.title).toBe('Case 1: turn on by voice')
    expect(stored?.cases[1]?.title).toBe('Turns on by voice')
    expect(stored?.cases[2]).toMatchObject({ required: false, extra: [{ column: 'Notes', value: 'Check twice' }] })
    expect(stored?.cases[12]).toMatchObject({ caseId: 'TC-013', title: 'Reports power', required: true })
    app.assertClean()
  })
})
