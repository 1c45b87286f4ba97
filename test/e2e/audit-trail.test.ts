import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../core/audit/audit-entry'
import { seriousAxeViolations } from './axe'
import { ProductScreen, readStore, SimpleRecordScreen, UnitScreen, waitForSaved } from './pages/catalogue'
import { seedRunningSession } from './pages/sessions'
import { perTest } from './per-test'

const each = perTest()

/** Audit entries about the product that change its `field`, oldest first, straight from IndexedDB. */
async function entriesChanging(page: Page, field: string): Promise<AuditEntry[]> {
  const rows = (await readStore(page, 'audit')) as AuditEntry[]
  return rows
    .filter((e) => e.entity.kind === 'product' && e.changes.some((c) => c.field === field))
    .sort((a, b) => a.seq - b.seq)
}

const editorLine = (page: Page) => page.locator('.save-status')

/** Hubs, a skill, and a product tested through the first hub, with one US ASIN, saved. */
async function seedCatalogue(page: Page): Promise<void> {
  await new SimpleRecordScreen(page, 'Hubs', 'New hub').create({ Brand: 'Acme', 'Model number': 'H1' })
  await new SimpleRecordScreen(page, 'Hubs', 'New hub').create({ Brand: 'Zeta', 'Model number': 'Z2' })
  await new SimpleRecordScreen(page, 'Skills', 'New skill').create({
    'Skill name': 'Acme Home',
    'Skill ID': 'amzn1.ask.skill.12345678-1234-4234-8234-123456789abc',
  })
  const products = new ProductScreen(page)
  await products.startNew()
  await products.fillIdentity({
    brand: 'Acme',
    model: 'AC-100',
    name: 'Acme Smart Plug',
    deviceType: 'Plug',
    connection: 'Through a hub',
    hub: 'Acme H1',
  })
  await products.requestMarketplaces(['United States (US)'])
  await products.addAsin('United States (US)', 'B0ABCDEF12')
  await waitForSaved(page)
}

/** Types into a field the way a person thinks while typing: a pause longer than the old 150 ms save delay at each key. */
async function typeWithPauses(page: Page, label: string, text: string): Promise<void> {
  const field = page.getByRole('textbox', { name: label, exact: true })
  await field.click()
  await page.keyboard.press('Control+a')
  await page.keyboard.press('Backspace')
  await page.keyboard.type(text, { delay: 220 })
}

describe('an audit trail an auditor can read', () => {
  it('makes one entry for a field typed with pauses and left, and shows names, items and dates', async () => {
    const app = await each.launch()
    const { page } = app
    await seedCatalogue(page)
    expect(await entriesChanging(page, 'name')).toHaveLength(1) // the product's creation

    await typeWithPauses(page, 'Product name', 'Mini (EU)')
    // Mid-burst: what was typed is on disk as a draft, and not yet an entry.
    await expect
      .poll(async () => ((await readStore(page, 'drafts')) as { value: { name?: string } }[]).map((d) => d.value.name))
      .toEqual(['Mini (EU)'])
    await expect.poll(() => editorLine(page).textContent()).toMatch(/^Editing: what you type is kept as a draft/)
    expect(await entriesChanging(page, 'name')).toHaveLength(1)

    await page.keyboard.press('Tab')
    await waitForSaved(page)
    const named = await entriesChanging(page, 'name')
    expect(named).toHaveLength(2)
    expect(named[1]?.changes.find((c) => c.field === 'name')).toEqual({
      field: 'name',
      before: 'Acme Smart Plug',
      after: 'Mini (EU)',
    })
    expect(await readStore(page, 'drafts')).toEqual([])

    await page.getByRole('combobox', { name: 'Tested hub' }).selectOption({ label: 'Zeta Z2' })
    await waitForSaved(page)
    await page.getByRole('combobox', { name: 'Alexa skill' }).selectOption({ label: 'Acme Home' })
    await waitForSaved(page)
    const asinEntries = (await entriesChanging(page, 'asins')).length
    await page.getByRole('textbox', { name: 'ASIN', exact: true }).fill('B0ABCDEF34')
    await page.getByRole('textbox', { name: 'ASIN', exact: true }).blur()
    await waitForSaved(page)
    // The edit of the ASIN is one entry.
    expect(await entriesChanging(page, 'asins')).toHaveLength(asinEntries + 1)

    await page.getByRole('link', { name: 'Add unit' }).click()
    await new UnitScreen(page).fill({
      serial: 'SN-0001',
      firmware: '1.2.3',
      hardware: 'B',
      receivedOn: '2026-11-18',
      from: 'Acme Ltd.',
      condition: 'New, sealed',
    })
    await waitForSaved(page)
    await page
      .getByRole('link', { name: /Acme AC-100/ })
      .first()
      .click()
    await page.getByText('Audit trail of this product, its units and sessions').click()
    const table = page.getByRole('table', { name: 'Audit entries' })
    await table.waitFor()

    const changes = (await table.locator('.changes li').allTextContents()).map((t) => t.replace(/\s+/g, ' '))
    const one = (pattern: RegExp) => changes.filter((line) => pattern.test(line))
    expect(one(/^Name: Acme Smart Plug → changed to Mini \(EU\)$/)).toHaveLength(1)
    expect(one(/^Name:/)).toHaveLength(2)
    expect(one(/^Tested hub: Acme H1 → changed to Zeta Z2$/)).toHaveLength(1)
    expect(one(/^Alexa skill: \(none\) → changed to Acme Home$/)).toHaveLength(1)
    expect(one(/^ASINs: added B0ABCDEF34 \(US\); removed B0ABCDEF12 \(US\)$/)).toHaveLength(1)
    // The first hub by name too, as the product was created with it or as it was chosen; no id shows anywhere.
    expect(one(/^Tested hub: (\(none\) → changed to )?Acme H1$/)).toHaveLength(1)
    const ids = (await readStore(page, 'hubs')).map((h) => (h as { id: string }).id)
    for (const id of ids) expect(changes.join('\n')).not.toContain(id)
    // The unit's received date in the lab's format, the same one its date field shows.
    const labDay = await page.evaluate(() =>
      new Intl.DateTimeFormat(navigator.language, {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        timeZone: 'UTC',
      }).format(new Date('2026-11-18T00:00:00Z')),
    )
    expect(one(new RegExp(`^Received on: ${labDay.replace(/[/.]/g, '\\$&')}$`))).toHaveLength(1)
    expect(changes.join('\n')).not.toContain('2026-11-18')
    expect(await table.getByRole('row').nth(1).textContent()).toMatch(/Created Unit SN-0001/)
    expect(await seriousAxeViolations(page)).toEqual([])
  })

  it('ends a burst when typing stops for a few seconds, without leaving the field', async () => {
    const app = await each.launch()
    const { page } = app
    await seedCatalogue(page)
    await typeWithPauses(page, 'Brand', 'Acme Corp')
    await expect.poll(() => editorLine(page).textContent()).toMatch(/^Editing/)
    expect(await entriesChanging(page, 'brand')).toHaveLength(1)
    await waitForSaved(page)
    const branded = await entriesChanging(page, 'brand')
    expect(branded).toHaveLength(2)
    expect(branded[1]?.changes.find((c) => c.field === 'brand')).toMatchObject({ before: 'Acme', after: 'Acme Corp' })
    // The cursor never left the field.
    expect(await page.getByRole('textbox', { name: 'Brand' }).evaluate((el) => el === document.activeElement)).toBe(
      true,
    )
    expect(await seriousAxeViolations(page)).toEqual([])
  })

  it("names a session's tester, unit and evidence file, and its plan without the version's id", async () => {
    const app = await each.launch()
    const { page } = app
    const files = await each.files()
    const runner = await seedRunningSession(app, files, 3)
    await runner.caseList().focus()
    const photo = await files.png('tc-001 led.png', { width: 40, height: 30, colour: { r: 220, g: 30, b: 30 } })
    app.dialogs.answerOpen([photo])
    await runner.keys('e')
    await page
      .getByRole('region', { name: 'Evidence for case TC-001' })
      .getByRole('img', { name: 'tc-001 led.png' })
      .waitFor()
    await page.getByText('Audit trail of this session').click()
    const table = page.getByRole('table', { name: 'Audit entries' })
    await table.waitFor()
    const changes = (await table.locator('.changes li').allTextContents()).map((t) => t.replace(/\s+/g, ' '))
    expect(changes).toContain('Tester: Jo Doe')
    expect(changes).toContain('Unit: Unit SN-0001')
    expect(changes).toContain('Product: Acme AC-100')
    expect(changes).toContain('Evidence: tc-001 led.png')
    expect(changes.filter((line) => /^Plan: smart plug plan v1 \(3 cases\)$/.test(line))).toHaveLength(1)
    const session = ((await readStore(page, 'sessions')) as { plan: { versionId: string } }[])[0]
    expect(changes.join('\n')).not.toContain(session?.plan.versionId ?? 'no session')
    expect(await seriousAxeViolations(page)).toEqual([])
  })

  it('brings back what was typed when the window is killed mid-burst, and audits it once when the field is left', async () => {
    let app = await each.launch()
    await seedCatalogue(app.page)
    const address = app.page.url()
    await typeWithPauses(app.page, 'Product name', 'Plug Pro')
    // Settled: the line is not busy, so the draft holding every key typed is on disk.
    await app.page.locator('.save-status:not([aria-busy="true"])', { hasText: /^Editing/ }).waitFor()
    await app.kill()
    app = await app.relaunch()
    try {
      await reopenAndLeave(app.page, address)
    } finally {
      await app.close()
    }
  })
})

/** Opens the product again after the kill: the typed name is back, and leaving the field audits it once. */
async function reopenAndLeave(page: Page, address: string): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash
  }, new URL(address).hash)
  const name = page.getByRole('textbox', { name: 'Product name' })
  await expect.poll(() => name.inputValue()).toBe('Plug Pro')
  await page.getByText(/^Restored what you typed on/).waitFor()
  expect(await entriesChanging(page, 'name')).toHaveLength(1)
  await name.focus()
  await page.keyboard.press('Tab')
  await waitForSaved(page)
  const named = await entriesChanging(page, 'name')
  expect(named).toHaveLength(2)
  expect(named[1]?.changes.find((c) => c.field === 'name')).toMatchObject({
    before: 'Acme Smart Plug',
    after: 'Plug Pro',
  })
  expect(await seriousAxeViolations(page)).toEqual([])
}
