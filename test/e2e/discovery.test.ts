import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Unit } from '../../core/model/unit'
import { seriousAxeViolations } from './axe'
import { readStore, UnitScreen, waitForSaved } from './pages/catalogue'
import { seedLab } from './pages/sessions'
import { perTest } from './per-test'

const made = perTest()

const endpoint = (id: string, name: string, manufacturerName: string, manufacturer: string, model: string) => ({
  endpointId: id,
  friendlyName: name,
  manufacturerName,
  description: 'Smart plug',
  displayCategories: ['SMARTPLUG'],
  additionalAttributes: { manufacturer, model, firmwareVersion: '1.2.3' },
  capabilities: [],
})

const response = (endpoints: readonly unknown[]) =>
  JSON.stringify({
    event: {
      header: { namespace: 'Alexa.Discovery', name: 'Discover.Response', payloadVersion: '3', messageId: 'm-1' },
      payload: { endpoints },
    },
  })

// Alexa shows "ACME™" (the brand, once its sign is set aside) but the device calls itself "Acme Inc." on one
// endpoint; the second endpoint reports a model that is not the product's.
const first = response([
  endpoint('plug-1', 'Bench plug', 'ACME™', 'Acme Inc.', 'AC-100'),
  endpoint('plug-2', 'Spare plug', 'Acme', 'acme', 'AC-100-EU'),
])
const second = response([endpoint('plug-1', 'Bench plug', 'Acme', 'Acme', 'AC-100')])
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

const cellsOf = (page: Page, endpointName: string) =>
  page
    .getByRole('table', { name: 'Endpoints in the newest discovery response' })
    .getByRole('row', { name: new RegExp(`^${endpointName}`) })
    .getByRole('cell')
    .allInnerTexts()

describe('discovery responses kept as evidence', () => {
  it('keeps every paste with its SHA-256, who and when, and compares each endpoint with the brand and model number', async () => {
    const app = await made.launch()
    const files = await made.files()
    const { page } = app
    await seedLab(page)
    const unit = new UnitScreen(page)

    await unit.pasteDiscovery(first)
    const table = page.getByRole('table', { name: 'Endpoints in the newest discovery response' })
    await table.waitFor()
    // Two endpoints, two lines; what Alexa shows and what the device reports side by side, each compared.
    expect(await table.getByRole('row').count()).toBe(3)
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual([
      'Endpoint',
      'Shown in Alexa (manufacturerName)',
      'Reported manufacturer (additionalAttributes.manufacturer)',
      'Reported model (additionalAttributes.model)',
    ])
    const [shown, reported, model] = await cellsOf(page, 'Bench plug')
    expect(shown).toMatch(/^ACME™\nBrand: pass/)
    expect(reported).toMatch(
      /^Acme Inc\.\nBrand: mismatch The device reports additionalAttributes\.manufacturer "Acme Inc\.", which is not the product's brand "Acme"\./,
    )
    expect(model).toMatch(/^AC-100\nModel: pass/)
    const spare = await cellsOf(page, 'Spare plug')
    expect(spare[1]).toMatch(/^acme\nBrand: pass/)
    expect(spare[2]).toMatch(/^AC-100-EU\nModel: mismatch .*"AC-100-EU".*"AC-100"/)
    await waitForSaved(page)

    await unit.pasteDiscovery(second)
    const history = page.getByRole('list', { name: /^Discovery responses kept/ })
    await page.getByRole('heading', { name: 'Discovery responses kept (2)' }).waitFor()
    await expect.poll(() => table.getByRole('row').count()).toBe(2)
    await waitForSaved(page)

    const items = history.getByRole('listitem')
    expect(await items.count()).toBe(2)
    const [newest, oldest] = await items.allInnerTexts()
    expect(newest).toContain('pasted by Jo Doe · 1 endpoint')
    expect(newest).toContain(`SHA-256 ${sha256(second)}`)
    expect(oldest).toContain('pasted by Jo Doe · 2 endpoints')
    expect(oldest).toContain(`SHA-256 ${sha256(first)}`)
    expect(newest).toMatch(/\d{4}/) // when: the lab's date and time
    expect(await seriousAxeViolations(page)).toEqual([])

    // The earlier response is there to read and to save, exactly as pasted.
    const earlier = items.nth(1)
    await earlier.getByRole('button', { name: 'View JSON' }).click()
    expect(await earlier.getByLabel(/^JSON pasted/).innerText()).toBe(first)
    expect(await seriousAxeViolations(page)).toEqual([])
    const target = join(files.dir, 'first-discovery.json')
    app.dialogs.answerSave(target)
    await earlier.getByRole('button', { name: 'Save JSON…' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved first-discovery\.json \(/ })
      .waitFor()
    expect(await readFile(target, 'utf8')).toBe(first)

    // Stored as evidence: the files hold both, the unit names both, and each paste was an audited save.
    const [stored] = (await readStore(page, 'units')) as Unit[]
    expect(stored?.discoveryCaptures?.map((c) => c.sha256)).toEqual([sha256(first), sha256(second)])
    expect(stored?.discovery).toMatchObject({ model: 'AC-100', endpointCount: 1 })
    const hashes = ((await readStore(page, 'files')) as { sha256: string }[]).map((f) => f.sha256)
    expect(hashes).toEqual(expect.arrayContaining([sha256(first), sha256(second)]))
    const trail = (await readStore(page, 'audit')) as { entity: { kind: string }; changes: { field: string }[] }[]
    const pastes = trail.filter(
      (e) => e.entity.kind === 'unit' && e.changes.some((c) => c.field === 'discoveryCaptures'),
    )
    expect(pastes).toHaveLength(2)

    await page.reload()
    await page.getByRole('heading', { name: 'Discovery responses kept (2)' }).waitFor()
  })

  it('a response that is not valid JSON is explained and nothing is kept', async () => {
    const app = await made.launch()
    const { page } = app
    await seedLab(page)
    await new UnitScreen(page).pasteDiscovery('{"event": {')
    const field = page.getByRole('textbox', { name: 'Discovery response JSON' })
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByText(/is not valid JSON/).count()).toBe(1)
    expect(await page.getByRole('heading', { name: /^Discovery responses kept/ }).count()).toBe(0)
    const [stored] = (await readStore(page, 'units')) as Unit[]
    expect(stored?.discoveryCaptures).toBeUndefined()
  })
})
