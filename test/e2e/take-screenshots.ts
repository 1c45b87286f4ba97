// Opens the built app in Chromium with a few records and saves screenshots to
// look at (and the session runner as docs/screenshot.png for the README):
//   npm run build && node --import tsx test/e2e/take-screenshots.ts [out-dir] [window width, 1280 by default]
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { launchApp } from './harness'
import { createFixtureFiles } from './fixtures-files'
import { LabProfileScreen, ProductScreen, UnitScreen, waitForSaved } from './pages/catalogue'

const outDir = process.argv[2] ?? 'test-results/screenshots'
const width = Number(process.argv[3] ?? 1280)
await mkdir(outDir, { recursive: true })
const app = await launchApp()
const files = await createFixtureFiles()
try {
  const { page } = app
  await page.setViewportSize({ width, height: 900 })
  const lab = new LabProfileScreen(page)
  await lab.open()
  await lab.fill('North Bench Lab', [{ name: 'Jo Doe', initials: 'JD', role: 'Lab tester' }])
  await page.getByRole('combobox', { name: 'Working as' }).selectOption({ label: 'Jo Doe (Lab tester)' })
  const products = new ProductScreen(page)
  await products.startNew()
  await products.fillIdentity({ brand: 'Acme', model: 'AC-100', name: 'Acme Smart Plug', deviceType: 'Plug' })
  await products.requestMarketplaces(['United States (US)', 'Germany (DE)', 'Japan (JP)'])
  await products.addAsin('United States (US)', 'B0ABCDEF12')
  await products.addAsin('Germany (DE)', 'B0ABCDEF34')
  await products.addRetailId('EAN-13', '4006381333932')
  await page.screenshot({ path: join(outDir, 'product-editor.png'), fullPage: true })
  await page
    .getByRole('group', { name: 'Retail identifier 1' })
    .getByRole('textbox', { name: 'Code' })
    .fill('4006381333931')
  await waitForSaved(page)
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: join(outDir, 'product-saved.png') })
  await page.getByRole('link', { name: 'Add unit' }).click()
  const unit = new UnitScreen(page)
  await unit.fill({
    serial: 'SN-0001',
    firmware: '1.2.3',
    hardware: 'B',
    receivedOn: '2026-11-18',
    from: 'Acme Ltd.',
    condition: 'New, sealed',
  })
  app.dialogs.answerOpen([
    await files.png('front.png', { width: 640, height: 480, colour: { r: 200, g: 30, b: 30 } }),
    await files.png('label.png', { width: 300, height: 500, colour: { r: 30, g: 120, b: 60 } }),
  ])
  await unit.addPhotosThroughDialog()
  await unit.decodedThumbnails()
  await unit.pasteDiscovery(
    '{"endpoints":[{"endpointId":"a","manufacturerName":"Acme","additionalAttributes":{"model":"AC-100X"}}]}',
  )
  await waitForSaved(page)
  await page.screenshot({ path: join(outDir, 'unit-editor.png'), fullPage: true })
  await (await products.openList()).waitFor()
  await page.screenshot({ path: join(outDir, 'products-list.png') })
  const plans = await import('./pages/sessions')
  await plans.importPlan(app, files, 40)
  await page.screenshot({ path: join(outDir, 'plan-editor.png'), fullPage: true })
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Products' }).click()
  const runner = new plans.SessionScreen(page)
  await runner.create({ plan: /^smart plug plan v1/ })
  await runner.caseList().focus()
  // The runner moves on after each verdict: the third case's note is typed before its verdict.
  await runner.keys('p', 'p', 'Enter')
  await page.keyboard.type('Relay clicks twice; plug stays off.')
  await runner.keys('Escape', 'f', 'n')
  await page.screenshot({ path: join(outDir, 'runner.png') })
  if (width === 1280) await page.screenshot({ path: 'docs/screenshot.png' })
  await runner.keys('?')
  await page.screenshot({ path: join(outDir, 'runner-help.png') })
  await runner.keys('Escape')
  await page.getByText('Audit trail of this session').click()
  await page.getByText(/^Intact: all \d+ entries/).waitFor()
  await page.getByText('Audit trail of this session').scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(outDir, 'audit.png'), fullPage: true })
  console.log(`Screenshots in ${outDir}; problems: ${app.problems().length === 0 ? 'none' : app.problems().join('; ')}`)
} finally {
  await app.close()
  await files.remove()
}
