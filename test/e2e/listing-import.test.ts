import { copyFile, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { pngStating } from '../helpers/png'
import type { FixtureFiles } from './fixtures-files'
import type { App } from './harness'
import { perTest } from './per-test'
import { blocksSoFar, watchBlocks } from './watch-blocks'
import {
  LabProfileScreen,
  ProductScreen,
  readStore,
  SimpleRecordScreen,
  addTestedUnit,
  waitForSaved,
} from './pages/catalogue'

const each = perTest()
/** Real photographs (test/fixtures/images/make-image-fixtures.sh). */
const photo = (name: string) => join(import.meta.dirname, '../fixtures/images', name)

const skillId = 'amzn1.ask.skill.12345678-1234-4234-8234-123456789abc'

/**
 * A lab with Jo working; hub Acme HUB-1 (B0HUB00001) and skill Acme Home; product Acme AC-100 reaching Alexa through
 * that hub, listed as B0ABCDEF12 and B0ABCDEF34 in the US and B0ABCDEF56 in Germany; its unit with a photograph and
 * a discovery response that names the product.
 */
async function labWithHubAndSkill(app: App) {
  const { page } = app
  const lab = new LabProfileScreen(page)
  await lab.open()
  await lab.fill('North Bench Lab', [{ name: 'Jo Doe', initials: 'JD', role: 'Reviewer' }])
  await page.getByRole('combobox', { name: 'Working as' }).selectOption({ label: 'Jo Doe (Reviewer)' })
  await new SimpleRecordScreen(page, 'Hubs', 'New hub').create(
    { Brand: 'Acme', 'Model number': 'HUB-1', Name: 'Acme Home Hub' },
    async (p) => {
      await p.getByRole('button', { name: 'Add hub ASIN' }).click()
      await p.getByRole('group', { name: 'Hub ASIN 1' }).getByRole('textbox', { name: 'ASIN' }).fill('B0HUB00001')
    },
  )
  await new SimpleRecordScreen(page, 'Skills', 'New skill').create({ 'Skill name': 'Acme Home', 'Skill ID': skillId })
  const products = new ProductScreen(page)
  await products.startNew()
  await products.fillIdentity({
    brand: 'Acme',
    model: 'AC-100',
    name: 'Acme Smart Plug',
    deviceType: 'Plug',
    connection: 'Through a hub',
    hub: 'Acme HUB-1',
    skill: 'Acme Home',
  })
  await products.requestMarketplaces(['United States (US)', 'Germany (DE)'])
  await products.addAsin('United States (US)', 'B0ABCDEF12')
  await products.addAsin('United States (US)', 'B0ABCDEF34')
  await products.addAsin('Germany (DE)', 'B0ABCDEF56')
  await waitForSaved(page)
  await addTestedUnit(page, app.dialogs, photo('chelsea-upright.jpg'))
}

const openImport = async (page: Page) => {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Reviews' }).click()
  await page.getByRole('link', { name: 'Import listings…' }).click()
  await page.getByRole('heading', { name: 'Import listings' }).waitFor()
}

/** Each listing row of the readiness matrix as ASIN, marketplace, verdict and blocking reasons. */
const matrix = async (page: Page) => {
  const table = page.getByRole('table', { name: 'Listings' })
  await table.waitFor()
  const headers = await table.getByRole('columnheader').allTextContents()
  const at = (name: string) => headers.findIndex((h) => h.startsWith(name))
  const rows = await table.getByRole('row').all()
  const read: Record<string, string>[] = []
  for (const row of rows.slice(1)) {
    const cells = await row.getByRole('cell').allTextContents()
    read.push({
      asin: cells[at('ASIN')] ?? '',
      marketplace: cells[at('Marketplace')] ?? '',
      verdict: `${cells[at('Readiness')] ?? ''} ${cells[at('Blocking reasons')] ?? ''}`.trim(),
    })
  }
  return read.sort((a, b) => `${a.asin}${a.marketplace}`.localeCompare(`${b.asin}${b.marketplace}`))
}

/** The skill store shows the skill available in a marketplace, recorded on one of its listings' review pages. */
async function skillAvailableIn(page: Page, asin: string) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Reviews' }).click()
  await page.getByRole('table', { name: 'Listings' }).getByRole('link', { name: asin }).click()
  const skill = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Skill in the store/ }) })
  await skill.getByRole('combobox', { name: 'Status in the store' }).selectOption({ label: 'Available' })
  await skill.getByRole('button', { name: 'Record skill store status' }).click()
  await expect.poll(() => skill.getByRole('heading').textContent()).toBe('Skill in the store Pass')
}

async function importFile(app: App, files: FixtureFiles, name: string, csv: string, images: readonly string[]) {
  const { page } = app
  await openImport(page)
  app.dialogs.answerOpen([await files.text(name, csv)])
  await page.getByRole('button', { name: 'Choose listing file…' }).click()
  await page.getByRole('table', { name: 'Preview' }).waitFor()
  if (images.length > 0) {
    app.dialogs.answerOpen(images)
    await page.getByRole('button', { name: 'Choose images…' }).click()
    await page.getByText(`${images.length} image${images.length === 1 ? '' : 's'} chosen.`).waitFor()
  }
  await page
    .getByRole('status')
    .filter({ hasText: `Every row of ${name} is valid.` })
    .waitFor()
  const importButton = page.getByRole('button', { name: /^Import \d+ listings?$/ })
  const label = await importButton.textContent()
  await importButton.click()
  await page.getByRole('status').filter({ hasText: 'Stored ' }).waitFor()
  return label
}

describe('importing listings', () => {
  it('imports three listings in two marketplaces and shows exactly the expected verdicts; an accepted check is re-opened by a newer snapshot', async () => {
    const app = await each.launch()
    const files = await each.files()
    const { page } = app
    await labWithHubAndSkill(app)

    // The listing images are copies of the lab's photographs under the names the file gives them.
    const same = join(files.dir, 'front.jpg')
    const other = join(files.dir, 'box-shot.jpg')
    await copyFile(photo('chelsea-exif6.jpg'), same)
    await copyFile(photo('coffee.jpg'), other)
    const csv = [
      'ASIN,Marketplace,Status,Brand,Model number,Device type,Hub ASIN,In the box,Images',
      // The brand only in lower case, the model number without its hyphen.
      'B0ABCDEF12,US,Available,acme,AC100,Plug,B0HUB00001,,front.jpg',
      // Suppressed, and naming another hub.
      'B0ABCDEF34,amazon.com,Suppressed,Acme,AC-100,Plug,B0HUB00009,,front.jpg',
      // A box with a hub that was not tested, and a photograph of something else.
      'B0ABCDEF56,Germany,Available,Acme,AC-100,Plug,B0HUB00001,Plug; Acme Hub Pro,box-shot.jpg',
    ].join('\n')
    expect(await importFile(app, files, 'pages.csv', csv, [same, other])).toBe('Import 3 listings')
    expect(await readStore(page, 'listingSnapshots')).toHaveLength(3)
    await skillAvailableIn(page, 'B0ABCDEF12')
    await skillAvailableIn(page, 'B0ABCDEF56')

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Reviews' }).click()
    await expect
      .poll(async () => (await matrix(page)).map((row) => `${row.asin} ${row.marketplace}: ${row.verdict}`))
      .toEqual([
        'B0ABCDEF12 US: Not ready Model number (needs review)',
        'B0ABCDEF34 US: Not ready Listing status (fails), Hub (fails)',
        'B0ABCDEF56 DE: Not ready Product image (needs review), Bundle (needs review)',
      ])
    // The reasons in full are on each listing's review: the box holds a hub other than the one tested.
    const table = page.getByRole('table', { name: 'Listings' })
    await table.getByRole('link', { name: 'B0ABCDEF56' }).click()
    const bundle = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Bundle/ }) })
    expect(await bundle.textContent()).toContain('with “Acme Hub Pro”: not the hub tested, Acme HUB-1.')
    const image = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Product image/ }) })
    expect(await image.textContent()).toContain('No listing image is a near copy')
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Reviews' }).click()

    // The reviewer accepts the hyphen case with a note; the matrix shows the listing ready.
    await table.getByRole('link', { name: 'B0ABCDEF12' }).click()
    const model = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Model number/ }) })
    await model.getByRole('radio', { name: 'Accept' }).check()
    await model.getByRole('textbox', { name: /Note/ }).fill('The maker writes AC100 on the box; same model.')
    await model.getByRole('button', { name: 'Record: accepted' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: /^Ready/ })
      .waitFor()
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Reviews' }).click()
    await expect.poll(async () => (await matrix(page))[0]?.verdict).toBe('Ready')

    // A newer snapshot, imported, writes the model number another way: the accepted check is open again.
    await importFile(
      app,
      files,
      'pages again.csv',
      [
        'ASIN,Marketplace,Status,Brand,Model number,Device type,Hub ASIN,Images',
        'B0ABCDEF12,US,Available,Acme,AC 100,Plug,B0HUB00001,front.jpg',
      ].join('\n'),
      [same],
    )
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Reviews' }).click()
    await expect.poll(async () => (await matrix(page))[0]?.verdict).toBe('Not ready Model number (needs review)')
    await table.getByRole('link', { name: 'B0ABCDEF12' }).click()
    const history = page.getByRole('list', { name: 'Captures of this listing, newest first' })
    await expect.poll(() => history.getByRole('listitem').count()).toBe(2)
    const modelAgain = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Model number/ }) })
    expect(await modelAgain.getByRole('list', { name: 'Decisions on model number' }).textContent()).toContain(
      '(on an earlier capture)',
    )
    app.assertClean()
  })

  it('refuses bad rows and bad images with clear messages, stores nothing, and never blocks the window', async () => {
    const app = await each.launch()
    const files = await each.files()
    const { page } = app
    await openImport(page)
    await watchBlocks(page)

    // A file without the Marketplace column: the report says which column is missing.
    app.dialogs.answerOpen([await files.text('no market.csv', 'ASIN,Status,Brand\nB0ABCDEF12,Available,Acme\n')])
    await page.getByRole('button', { name: 'Choose listing file…' }).click()
    const problems = page.getByRole('table', { name: 'Problems' })
    await problems.waitFor()
    expect(await problems.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([
      '1',
      'Marketplace',
      'No column is chosen for Marketplace: every capture needs one. Choose the column that holds it.',
    ])
    expect(await page.getByRole('button', { name: 'Nothing to import' }).isDisabled()).toBe(true)

    // An ASIN with 9 characters, named by row and column.
    app.dialogs.answerOpen([await files.text('short.csv', 'ASIN,Marketplace,Status\nB0ABCDEF1,US,Available\n')])
    await page.getByRole('button', { name: 'Choose another file…' }).click()
    await expect
      .poll(() => problems.getByRole('row').nth(1).getByRole('cell').allTextContents())
      .toEqual(['2', 'ASIN', 'An ASIN has 10 characters; this one has 9.'])

    // Images that are not images, cut short, or of 200 megapixels are refused as they are chosen.
    const coffee = new Uint8Array(await readFile(photo('coffee.jpg')))
    app.dialogs.answerOpen([
      await files.text('notes.jpg', 'Acme Smart Plug, works with Alexa\n'),
      await files.bytes('cut.jpg', coffee.slice(0, Math.floor(coffee.byteLength * 0.6))),
      await files.bytes('huge.png', pngStating(16_384, 12_288)),
    ])
    await page.getByRole('button', { name: 'Choose images…' }).click()
    const images = page.getByRole('group', { name: 'Images the rows name' })
    await images.getByText('huge.png is 16,384 × 12,288 pixels (201 megapixels)').waitFor()
    expect(await images.getByText('notes.jpg is not a photo').count()).toBe(1)
    expect(await images.getByText('cut.jpg is cut short').count()).toBe(1)
    expect(await images.getByText('None chosen.', { exact: false }).count()).toBe(1)

    const blocks = await blocksSoFar(page)
    expect(blocks.longestTask).toBeLessThan(200)
    expect(await readStore(page, 'listingSnapshots')).toEqual([])
    expect(await readStore(page, 'files')).toEqual([])
    app.assertClean()
  })
})
