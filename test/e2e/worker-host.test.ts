import { strToU8, zipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { createFixtureFiles, type FixtureFiles } from './fixtures-files'
import { launchApp, type App } from './harness'
import { readStore } from './pages/catalogue'
import { planRows, planWorkbook, PlansScreen } from './pages/plans'

let app: App | undefined
let files: FixtureFiles | undefined
afterEach(async () => {
  await app?.close()
  await files?.remove()
  app = undefined
  files = undefined
})

const part = (xml: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${xml}`)
const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const relationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

/**
 * A well-formed xlsx file of under a megabyte whose one sheet holds `cells`
 * percentage cells. It passes every limit checked before parsing (size, unpacked
 * size), and the spreadsheet library then reads and formats it in one synchronous
 * call that lasts far longer than the time limit: only terminating the worker stops it.
 */
function endlessWorkbook(cells: number): Uint8Array {
  const row = `<row>${'<c s="1"><v>0.5</v></c>'.repeat(20)}</row>`
  return zipSync(
    {
      '[Content_Types].xml': part(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
      '_rels/.rels': part(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      'xl/workbook.xml': part(
        `<workbook xmlns="${main}" xmlns:r="${relationships}"><sheets><sheet name="Cases" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': part(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          `<Relationship Id="rId1" Type="${relationships}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${relationships}/styles" Target="styles.xml"/></Relationships>`,
      ),
      // Style 1 shows a number as a percentage (built-in format 10), so every cell is formatted as it is read.
      'xl/styles.xml': part(
        `<styleSheet xmlns="${main}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="10" applyNumberFormat="1"/></cellXfs></styleSheet>`,
      ),
      'xl/worksheets/sheet1.xml': part(
        `<worksheet xmlns="${main}"><sheetData>${row.repeat(cells / 20)}</sheetData></worksheet>`,
      ),
    },
    { level: 6 },
  )
}

describe('the worker host in Chromium', () => {
  it('terminates a plan file reader that passes the time limit, says so, imports nothing, and reads the next file', async () => {
    files = await createFixtureFiles()
    const endless = endlessWorkbook(6_000_000)
    expect(endless.byteLength).toBeLessThan(2 * 1024 * 1024)
    const slowPath = await files.bytes('endless plan.xlsx', endless)
    const goodPath = await files.bytes('smart plug plan.xlsx', planWorkbook(planRows(5)))
    app = await launchApp()
    const plans = new PlansScreen(app.page)
    await plans.openImport()

    const started: string[] = []
    const closed: string[] = []
    app.page.on('worker', (worker) => {
      started.push(worker.url())
      worker.on('close', () => closed.push(worker.url()))
    })
    app.dialogs.answerOpen([slowPath])
    const clickedAt = Date.now()
    await plans.chooseFile()
    await app.page.getByRole('progressbar', { name: 'Reading endless plan.xlsx' }).waitFor()
    await plans.alert().waitFor({ timeout: 20_000 })
    const waited = Date.now() - clickedAt

    // The host's message, not the parser's own clock check: the parser never got back to look at its clock.
    expect(await plans.alert().textContent()).toBe(
      'Reading endless plan.xlsx took longer than 10 seconds; the file is too large or damaged. Nothing was imported.',
    )
    expect(waited).toBeGreaterThanOrEqual(10_000)
    expect(waited).toBeLessThan(14_000)
    // Chromium ends a terminated worker once the call it is stuck in lets go, which can take a few seconds.
    await expect.poll(() => closed.length, { timeout: 8_000 }).toBe(1)
    expect(closed).toEqual(started)
    expect(await app.page.getByRole('progressbar').count()).toBe(0)
    expect(await plans.preview().count()).toBe(0)
    expect(await readStore(app.page, 'planVersions')).toEqual([])

    // The window stayed free, and the next file is read in a fresh worker.
    app.dialogs.answerOpen([goodPath])
    await plans.chooseFile()
    await plans.preview().waitFor()
    expect(started).toHaveLength(2)
    await expect.poll(() => closed.length, { timeout: 8_000 }).toBe(2)
    app.assertClean()
  })
})
