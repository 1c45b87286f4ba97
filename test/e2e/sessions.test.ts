import { afterEach, describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../core/audit/audit-entry'
import type { Result } from '../../core/model/result'
import type { Session } from '../../core/model/session'
import { encodePng } from '../helpers/png'
import { createFixtureFiles, type FixtureFiles } from './fixtures-files'
import { launchApp, type App } from './harness'
import { readStore } from './pages/catalogue'
import { importPlan, seedLab, SessionScreen } from './pages/sessions'

let app: App | undefined
let files: FixtureFiles | undefined
afterEach(async () => {
  await app?.close()
  await files?.remove()
  app = undefined
  files = undefined
})

/** A lab with a tester, product and unit, an imported plan of `cases` cases, and a running session of it. */
async function startSession(cases: number) {
  const fixtures = await createFixtureFiles()
  files = fixtures
  const launched = await launchApp()
  app = launched
  await seedLab(launched.page)
  await importPlan(launched, fixtures, cases)
  const runner = new SessionScreen(launched.page)
  await runner.create({ plan: /^smart plug plan v1/ })
  return { app: launched, files: fixtures, page: launched.page, runner }
}

/** The verdict key for case n of the 60: one required failure, optional cases mixed, the rest passed. */
const keyFor = (n: number) => (n === 7 ? 'f' : n % 5 === 0 ? (n % 10 === 0 ? 'b' : 'n') : 'p')

describe('a certification session at the bench', () => {
  it('runs a 60-case imported plan from the keyboard alone, with notes and a photo, and completes with its outcome', async () => {
    const started = await startSession(60)
    const { page, runner } = started
    await runner.caseList().focus()

    const photo = await started.files.png('tc-007 led.png', {
      width: 400,
      height: 300,
      colour: { r: 220, g: 30, b: 30 },
    })
    // Each verdict moves the runner to the next case: notes and evidence go first.
    for (let n = 1; n <= 60; n++) {
      if (n === 3 || n === 7) {
        await runner.keys('Enter')
        await page.keyboard.type(n === 7 ? 'LED stays red after the command' : 'Discovery took 4 s')
        await runner.keys('Escape')
      }
      if (n === 7) {
        await runner.attachPhoto(started.app, 'TC-007', photo)
      }
      await runner.keys(keyFor(n))
    }
    // Blocked is not a decision: the six blocked (optional) cases leave 54 of 60 decided.
    await page.getByText('54 of 60 cases decided').waitFor()
    expect(await page.getByRole('list', { name: 'Cases by verdict' }).textContent()).toContain('Untested: 0')
    expect(await runner.selected().textContent()).toContain('TC-060')

    await page.getByRole('button', { name: 'Complete session' }).press('Enter')
    await page
      .getByRole('group', { name: 'Complete the session?' })
      .getByText('Complete as failed (TC-007 failed)?')
      .waitFor()
    await page.keyboard.press('Enter') // "Complete now" has the focus
    await page.getByText(/^Completed: failed on .+ by Jo Doe\. Required cases that failed: TC-007\.$/).waitFor()

    const [session] = (await readStore(page, 'sessions')) as Session[]
    expect(session).toMatchObject({ state: 'completed', outcome: 'failed' })
    const results = (await readStore(page, 'results')) as Result[]
    expect(results).toHaveLength(60)
    const count = (v: string) => results.filter((r) => r.verdict === v).length
    expect([count('passed'), count('failed'), count('not-applicable'), count('blocked')]).toEqual([47, 1, 6, 6])
    expect(results.find((r) => r.caseId === 'TC-007')).toMatchObject({
      notes: 'LED stays red after the command',
      evidenceIds: [expect.any(String)],
    })
    expect(results.find((r) => r.caseId === 'TC-003')?.notes).toBe('Discovery took 4 s')
    started.app.assertClean()
  })

  it('keeps a verdict and a note typed just before the browser is closed at once', async () => {
    const started = await startSession(5)
    const { page, runner } = started
    const address = page.url()
    await runner.caseList().focus()
    await runner.keys('j', 'f', 'k', 'Enter')
    await page.keyboard.type('Relay clicks twice')

    app = await started.app.relaunch() // no waiting: the browser closes straight after the last key
    await app.page.goto(address)
    const again = new SessionScreen(app.page)
    await again.caseList().waitFor()
    await again
      .caseList()
      .getByRole('option', { name: /TC-002/ })
      .click()
    await expect.poll(() => again.notes().inputValue()).toBe('Relay clicks twice')
    expect(await again.selected().textContent()).toContain('Failed')
    await expect
      .poll(async () => ((await readStore(app!.page, 'results')) as Result[]).find((r) => r.caseId === 'TC-002')?.notes)
      .toBe('Relay clicks twice')
    app.assertClean()
  })

  it('names the first audit entry that does not verify after one is changed in storage', async () => {
    const { page, runner } = await startSession(5)
    await runner.caseList().focus()
    await runner.keys('p', 'p')
    await page.getByText('2 of 5 cases decided').waitFor()
    await expect.poll(async () => ((await readStore(page, 'results')) as Result[]).length).toBe(2)

    const entries = (await readStore(page, 'audit')) as AuditEntry[]
    const target = entries.find((e) => e.entity.kind === 'result' && e.entity.id.endsWith('/TC-001'))
    if (!target) throw new Error('no audit entry for TC-001')
    await page.evaluate(
      (seq) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('wwa-lab')
          open.onsuccess = () => {
            const store = open.result.transaction('audit', 'readwrite').objectStore('audit')
            const get = store.get(seq)
            get.onsuccess = () => {
              const entry = get.result as { changes: { field: string; after: unknown }[] }
              entry.changes = entry.changes.map((c) => (c.field === 'verdict' ? { ...c, after: 'failed' } : c))
              store.put(entry).onsuccess = () => {
                open.result.close()
                resolve()
              }
            }
          }
          open.onerror = () => reject(open.error)
        }),
      target.seq,
    )

    await page.reload()
    await page.getByText('Audit trail of this session').click()
    const alert = page.getByRole('alert').filter({ hasText: 'Not intact' })
    await alert.waitFor()
    expect(await alert.textContent()).toContain(`Entry ${target.seq} was changed after it was written`)
    app?.assertClean()
  })

  it('takes a pasted screenshot and a dropped log file as evidence for the selected case', async () => {
    const { page, runner } = await startSession(3)
    await runner.caseList().focus()
    const png = Buffer.from(encodePng({ width: 120, height: 80, colour: { r: 20, g: 90, b: 200 } })).toString('base64')
    await page.evaluate((base64) => {
      const transfer = new DataTransfer()
      transfer.items.add(
        new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], 'screenshot.png', { type: 'image/png' }),
      )
      document
        .querySelector('.runner')
        ?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true }))
    }, png)
    const evidence = page.getByRole('region', { name: 'Evidence for case TC-001' })
    await evidence.getByRole('img', { name: 'screenshot.png' }).waitFor()

    const log = await page.evaluateHandle(() => {
      const transfer = new DataTransfer()
      transfer.items.add(new File(['boot ok\nrelay on\n'], 'bench.log', { type: 'text/plain' }))
      return transfer
    })
    await evidence.dispatchEvent('drop', { dataTransfer: log })
    await evidence.getByText('bench.log').waitFor()
    await expect
      .poll(
        async () =>
          ((await readStore(page, 'results')) as Result[]).find((r) => r.caseId === 'TC-001')?.evidenceIds.length,
      )
      .toBe(2)
    app?.assertClean()
  })
})
