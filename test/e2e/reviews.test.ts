import { join } from 'node:path'
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { pngStating } from '../helpers/png'
import { seriousAxeViolations } from './axe'
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

/** A lab with Jo working, a product listed in the US and Germany, and its tested unit with a photo and discovery. */
async function labWithTestedProduct(current: App, fixtures: FixtureFiles) {
  const { page } = current
  const lab = new LabProfileScreen(page)
  await lab.open()
  await lab.fill('North Bench Lab', [{ name: 'Jo Doe', initials: 'JD', role: 'Reviewer' }])
  await page.getByRole('combobox', { name: 'Working as' }).selectOption({ label: 'Jo Doe (Reviewer)' })
  const products = new ProductScreen(page)
  await products.startNew()
  await products.fillIdentity({ brand: 'Acme', model: 'AC-100', name: 'Acme Smart Plug', deviceType: 'Plug' })
  await products.requestMarketplaces(['United States (US)', 'Germany (DE)'])
  await products.addAsin('United States (US)', 'B0ABCDEF12')
  await products.addAsin('Germany (DE)', 'B0ABCDEF34')
  await waitForSaved(page)
  await addTestedUnit(
    page,
    current.dialogs,
    await fixtures.png('front.png', { width: 640, height: 480, colour: { r: 200, g: 30, b: 30 } }),
  )
}

describe('listing reviews', () => {
  it('captures a listing, compares it check by check, records decisions, and keeps the history', async () => {
    const app = await each.launch()
    const files = await each.files()
    const { page } = app
    await labWithTestedProduct(app, files)

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Reviews' }).click()
    const listings = page.getByRole('table', { name: 'Listings' })
    await listings.waitFor()
    expect(await listings.getByRole('row').count()).toBe(3) // the header and two listings
    await expect.poll(() => listings.getByText('Not captured', { exact: true }).count()).toBe(2)

    await listings.getByRole('link', { name: 'B0ABCDEF12' }).click()
    await page.getByRole('heading', { name: 'B0ABCDEF12 in US' }).waitFor()
    await page.getByRole('link', { name: 'Capture what its page shows' }).click()
    await page.getByRole('heading', { name: 'Capture B0ABCDEF12 in US' }).waitFor()
    await page.getByRole('textbox', { name: 'Brand' }).fill('ACME Inc')
    await page.getByRole('textbox', { name: 'Model number' }).fill('AC-1OO')
    await page.getByRole('textbox', { name: 'Device type' }).fill('Smart Plug')
    await page.getByRole('textbox', { name: 'Page address' }).fill('https://www.amazon.com/dp/B0ABCDEF12')
    // The listing shows the unit's photo at another size: other bytes, the same picture.
    app.dialogs.answerOpen([
      await files.png('listing.png', { width: 320, height: 240, colour: { r: 200, g: 30, b: 30 } }),
    ])
    await page.getByRole('button', { name: 'Add photos…' }).click()
    await page.getByRole('group', { name: 'Images on the page' }).getByRole('img').waitFor()
    // A capture says someone looked at the page now.
    await page.getByRole('button', { name: 'Save capture' }).click()
    await page.getByRole('alert').filter({ hasText: 'tick “I looked at the page just now”' }).waitFor()
    await page.getByRole('checkbox', { name: /I looked at the page just now/ }).check()
    await page.getByRole('button', { name: 'Save capture' }).click()

    await page.getByRole('heading', { name: 'B0ABCDEF12 in US' }).waitFor()
    const verdict = page.getByRole('status').filter({ hasText: 'Not ready' })
    await verdict.waitFor()
    expect(await verdict.textContent()).toContain('Model number: needs review')
    const brand = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Brand/ }) })
    expect(await brand.getByRole('heading').textContent()).toBe('Brand Needs review')
    const model = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Model number/ }) })
    // The differing characters are marked on both sides.
    expect(await model.locator('mark').allTextContents()).toEqual([
      'OO (only on the listing)',
      '00 (only in what was tested)',
    ])
    const image = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Product image/ }) })
    await expect.poll(() => image.getByRole('heading').textContent()).toBe('Product image Pass')
    expect(await image.textContent()).toContain(
      'Listing image listing.png is the same picture as photo of the unit front.png',
    )

    // A rejection needs a note; an acceptance is kept with the finding the reviewer saw.
    await model.getByRole('radio', { name: 'Reject' }).check()
    await model.getByRole('button', { name: 'Record: rejected' }).click()
    await model.getByRole('alert').filter({ hasText: 'Say why the check is rejected' }).waitFor()
    await brand.getByRole('radio', { name: 'Accept' }).check()
    await brand.getByRole('textbox', { name: /Note/ }).fill('ACME Inc is the maker’s legal name.')
    await brand.getByRole('button', { name: 'Record: accepted' }).click()
    const decided = brand.getByRole('list', { name: 'Decisions on brand' })
    await decided.waitFor()
    expect(await decided.textContent()).toMatch(
      /^Accepted by Jo Doe, .*: “ACME Inc is the maker’s legal name\.” Finding then: needs review\./,
    )
    expect(await brand.getByRole('heading').textContent()).toBe('Brand Needs review')
    await expect.poll(() => verdict.textContent()).not.toContain('Brand:')
    const device = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Device type/ }) })
    await device.getByRole('radio', { name: 'Accept' }).check()
    await device.getByRole('button', { name: 'Record: accepted' }).click()
    await expect.poll(() => verdict.textContent()).not.toContain('Device type:')
    expect(await seriousAxeViolations(page)).toEqual([])

    // A new capture starts from the last one; the earlier capture and its decision stay in the history.
    await page.getByRole('link', { name: 'New capture' }).click()
    await page.getByText('Filled in from the capture of').waitFor()
    expect(await page.getByRole('textbox', { name: 'Brand' }).inputValue()).toBe('ACME Inc')
    await page.getByRole('textbox', { name: 'Model number' }).fill('AC-100')
    await page.getByRole('textbox', { name: 'Device type' }).fill('Smart Socket')
    await page.getByRole('checkbox', { name: /I looked at the page just now/ }).check()
    await page.getByRole('button', { name: 'Save capture' }).click()
    await page
      .getByRole('list', { name: 'Captures of this listing, newest first' })
      .getByRole('listitem')
      .nth(1)
      .waitFor()
    const brandAgain = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Brand/ }) })
    // The brand reads as before, so its acceptance stands; the model number changed, and passes now.
    expect(await brandAgain.getByRole('list', { name: 'Decisions on brand' }).textContent()).toContain(
      '(on an earlier capture with the same finding)',
    )
    const verdictAgain = page.getByRole('status').filter({ hasText: 'Not ready' })
    expect(await verdictAgain.textContent()).not.toContain('Brand:')
    expect(await verdictAgain.textContent()).not.toContain('Model number:')
    // The device type reads differently now: the new capture re-opened its accepted check.
    expect(await verdictAgain.textContent()).toContain('Device type: fails.')
    const deviceAgain = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Device type/ }) })
    expect(await deviceAgain.getByRole('list', { name: 'Decisions on device type' }).textContent()).toContain(
      'Accepted by Jo Doe',
    )
    expect(await deviceAgain.getByRole('list', { name: 'Decisions on device type' }).textContent()).toContain(
      '(on an earlier capture)',
    )
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Reviews' }).click()
    await expect.poll(() => listings.getByRole('row').nth(1).textContent()).toMatch(/Not ready|Not captured/)
    expect(await page.getByText('Not captured: 1').count()).toBe(1)
    // The brand's cell says what the reviewer made of its finding.
    expect(await listings.getByRole('row').nth(1).textContent()).toContain('Needs review, accepted')
    app.assertClean()
  })

  it('records what the skill store shows, failing a suppressed skill until it is available, and keeps the cursor on the decision', async () => {
    const app = await each.launch()
    const { page } = app
    await new SimpleRecordScreen(page, 'Skills', 'New skill').create({
      'Skill name': 'Acme Home',
      'Skill ID': 'amzn1.ask.skill.12345678-1234-4234-8234-123456789abc',
    })
    const products = new ProductScreen(page)
    await products.startNew()
    await products.fillIdentity({
      brand: 'Acme',
      model: 'AC-100',
      name: 'Acme Plug',
      deviceType: 'Plug',
      skill: 'Acme Home',
    })
    await products.requestMarketplaces(['United Kingdom (UK)'])
    await products.addAsin('United Kingdom (UK)', 'B0ABCDEF56')
    await waitForSaved(page)

    await page.goto(page.url().replace(/#.*$/, '#/reviews'))
    await page.getByRole('table', { name: 'Listings' }).getByRole('link', { name: 'B0ABCDEF56' }).click()
    await page.getByRole('link', { name: 'Capture what its page shows' }).click()
    await page.getByRole('textbox', { name: 'Brand' }).fill('Acme')
    await page.getByRole('textbox', { name: 'Model number' }).fill('AC-100')
    await page.getByRole('textbox', { name: 'Device type' }).fill('Smart Socket')
    await page.getByRole('checkbox', { name: /I looked at the page just now/ }).check()
    await page.getByRole('button', { name: 'Save capture' }).click()
    const skill = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Skill in the store/ }) })
    await skill.waitFor()
    expect(await skill.getByRole('heading').textContent()).toBe('Skill in the store Needs review')

    await skill.getByRole('combobox', { name: 'Status in the store' }).selectOption({ label: 'Suppressed' })
    await skill.getByRole('button', { name: 'Record skill store status' }).click()
    await expect.poll(() => skill.getByRole('heading').textContent()).toBe('Skill in the store Fail')
    expect(await page.getByRole('status').filter({ hasText: 'Not ready' }).textContent()).toContain(
      'Skill in the store: fails.',
    )
    await skill.getByRole('combobox', { name: 'Status in the store' }).selectOption({ label: 'Available' })
    await skill.getByRole('button', { name: 'Record skill store status' }).click()
    await expect.poll(() => skill.getByRole('heading').textContent()).toBe('Skill in the store Pass')

    // After a decision, the cursor is on the decision just recorded, which is announced.
    const device = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Product image/ }) })
    await device.getByRole('radio', { name: 'Ask for information' }).check()
    await device.getByRole('textbox', { name: 'Note' }).fill('Ask Acme for a studio photo.')
    await device.getByRole('button', { name: 'Record: information asked for' }).click()
    const decisions = device.getByRole('list', { name: 'Decisions on product image' })
    await expect.poll(() => decisions.evaluate((list) => list === document.activeElement)).toBe(true)
    expect(await device.getByRole('status').textContent()).toBe('Decision on product image recorded.')
    expect(await page.getByRole('status').filter({ hasText: 'Not ready' }).textContent()).toContain(
      'Product image: the reviewer asked for information (Ask Acme for a studio photo.).',
    )
    app.assertClean()
  })

  it('compares real photographs as decoded upright: the same picture stored turned with EXIF orientation passes, another needs review', async () => {
    const app = await each.launch()
    const files = await each.files()
    const { page } = app
    await labWithTestedProduct(app, files)
    // The unit's photo is replaced by a photograph.
    await page.getByRole('button', { name: 'Remove front.png' }).click()
    app.dialogs.answerOpen([photo('chelsea-upright.jpg')])
    await page.getByRole('button', { name: 'Add photos…' }).click()
    await page.getByRole('group', { name: 'Unit photos' }).getByRole('img', { name: 'chelsea-upright.jpg' }).waitFor()
    await waitForSaved(page)

    const capture = async (asin: string, marketplace: string, image: string) => {
      await page.goto(page.url().replace(/#.*$/, `#/reviews`))
      await page.getByRole('table', { name: 'Listings' }).getByRole('link', { name: asin }).click()
      await page.getByRole('heading', { name: `${asin} in ${marketplace}` }).waitFor()
      await page.getByRole('link', { name: 'Capture what its page shows' }).click()
      await page.getByRole('textbox', { name: 'Brand' }).fill('Acme')
      await page.getByRole('textbox', { name: 'Model number' }).fill('AC-100')
      app.dialogs.answerOpen([photo(image)])
      await page.getByRole('button', { name: 'Add photos…' }).click()
      await page.getByRole('group', { name: 'Images on the page' }).getByRole('img').waitFor()
      await page.getByRole('checkbox', { name: /I looked at the page just now/ }).check()
      await page.getByRole('button', { name: 'Save capture' }).click()
      const check = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Product image/ }) })
      await check.waitFor()
      return check
    }
    // Stored a quarter turn to the left with EXIF orientation 6: decoded upright, it is the unit's picture.
    const turned = await capture('B0ABCDEF12', 'US', 'chelsea-exif6.jpg')
    await expect.poll(() => turned.getByRole('heading').textContent()).toBe('Product image Pass')
    expect(await turned.textContent()).toContain('is the same picture as photo of the unit chelsea-upright.jpg')
    // A photograph of something else is never passed, and never failed: a person decides.
    const other = await capture('B0ABCDEF34', 'DE', 'coffee.jpg')
    await expect.poll(() => other.textContent()).toContain('No listing image is a near copy')
    expect(await other.getByRole('heading').textContent()).toBe('Product image Needs review')
    app.assertClean()
  })

  it('refuses a listing image that is not an image, is cut short or states 200 megapixels, storing nothing, the window never blocked', async () => {
    const app = await each.launch()
    const files = await each.files()
    const { page } = app
    const products = new ProductScreen(page)
    await products.startNew()
    await products.fillIdentity({ brand: 'Acme', model: 'AC-100', name: 'Acme Plug', deviceType: 'Plug' })
    await products.requestMarketplaces(['United States (US)'])
    await products.addAsin('United States (US)', 'B0ABCDEF12')
    await waitForSaved(page)
    await page.goto(page.url().replace(/#.*$/, '#/reviews'))
    await page.getByRole('table', { name: 'Listings' }).getByRole('link', { name: 'B0ABCDEF12' }).click()
    await page.getByRole('link', { name: 'Capture what its page shows' }).click()
    const coffee = new Uint8Array(await readFile(photo('coffee.jpg')))
    const picked = [
      await files.text('listing.jpg', 'Acme Smart Plug, works with Alexa\n'),
      await files.bytes('cut.jpg', coffee.slice(0, Math.floor(coffee.byteLength * 0.6))),
      await files.bytes('huge.png', pngStating(16_384, 12_288)),
    ]
    await watchBlocks(page)
    app.dialogs.answerOpen(picked)
    await page.getByRole('button', { name: 'Add photos…' }).click()
    const gallery = page.getByRole('group', { name: 'Images on the page' })
    await gallery.getByText('huge.png is 16,384 × 12,288 pixels (201 megapixels)').waitFor()
    expect(await gallery.getByText('listing.jpg is not a photo').count()).toBe(1)
    expect(await gallery.getByText('cut.jpg is cut short').count()).toBe(1)
    expect(await gallery.getByRole('img').count()).toBe(0)
    const blocks = await blocksSoFar(page)
    expect(blocks.longestTask).toBeLessThan(200)
    expect(await readStore(page, 'files')).toEqual([])
    app.assertClean()
  })
})
