import { strToU8, unzipSync, zipSync } from 'fflate'
import type { Locator, Page } from 'playwright-core'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { renamePart, zip64Disguise } from '../helpers/hostile-zips'
import { createFixtureFiles, type FixtureFiles } from './fixtures-files'
import { launchApp, type App } from './harness'
import { readStore } from './pages/catalogue'
import { blocksSoFar, watchBlocks } from './watch-blocks'
import { planRows, planSheetHeader, planWorkbook, PlansScreen } from './pages/plans'

// The hostile plan files of issue 8, each made here (nothing large is checked in), picked
// through the real import screen's open dialog. For each: a clear message within 15 s,
// nothing stored, and the window never blocked for more than 200 ms, measured in the page.

let app: App | undefined
let files: FixtureFiles | undefined
afterEach(async () => {
  await app?.close()
  await files?.remove()
  app = undefined
  files = undefined
})

const figures: string[] = []
afterAll(() => {
  if (figures.length > 0) console.log(`Hostile plan files (Chromium):\n${figures.join('\n')}`)
})

type Hostile = {
  readonly name: string
  readonly bytes: () => Uint8Array
  /** Where the page says what it made of the file. */
  readonly message: (page: Page) => Locator
  readonly text: RegExp
  /** A file that is a plan after all (its header or one byte is hostile): Import stays open to the tester, who did not press it. */
  readonly importable?: boolean
}

const encoder = new TextEncoder()

function strayByteCsv(): Uint8Array {
  const text = encoder.encode(
    `${planSheetHeader.join(',')}\r\nTC-1,Réglage – lumière,Alexa.BrightnessController,Dites « allume »,Allumée,yes\r\nTC-2,Arrêt,Power,Say off,Off,yes\r\n`,
  )
  const at = text.indexOf(0x52, 60) // before the "R" of "Réglage"
  return new Uint8Array([...text.subarray(0, at), 0xff, ...text.subarray(at)])
}

function protoPartWorkbook(): Uint8Array {
  // A 4 MB part: stored under "__proto__" in a plain object, its 4 million bytes would become inherited keys.
  const parts = unzipSync(planWorkbook(planRows(3)))
  return renamePart(zipSync({ ...parts, ZZZZZZZZZ: new Uint8Array(4_000_000) }, { level: 6 }), 'ZZZZZZZZZ', '__proto__')
}

function formulaWorkbook(): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet([[...planSheetHeader], ...planRows(6).map((row) => [...row])])
  sheet['B7'] = { t: 's', v: 'Case 6, computed', f: 'CONCAT("Case ",ROW()-1,", computed")' }
  const book = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(book, sheet, 'Cases')
  return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
}

const alert = (page: Page) => page.getByRole('alert')

const hostileFiles: readonly Hostile[] = [
  {
    name: 'parens.csv',
    bytes: () => strToU8(`${'('.repeat(100_000)},Case ID,Title\r\n,TC-1,Turn on\r\n,TC-2,Turn off\r\n`),
    message: (page) => page.getByRole('status').filter({ hasText: 'Every row of parens.csv is valid.' }),
    text: /^Every row of parens\.csv is valid\.$/,
    importable: true,
  },
  {
    name: 'wide.csv',
    // One-character cells keep the file at 200 kB: handing a pick to the page costs the window time per byte here
    // (a valid 600 kB plan of blank lines shows the same 80 ms task as 600 kB of columns), which is the test
    // bridge's serializing, not the import's work; Electron's IPC hands bytes over as one structured clone.
    bytes: () => strToU8(`Case ID,Title\r\nTC-1,Turn on\r\n${'x,'.repeat(99_999)}x\r\n`),
    message: alert,
    text: /^wide\.csv has 100,000 columns; WWA Lab reads at most 200 \(Settings → Plan import → Most columns in a plan file\)\. .* Nothing was imported\.$/,
  },
  {
    name: 'zip64 disguise.xlsx',
    bytes: () => zip64Disguise(planWorkbook(planRows(5)), 'xl/worksheets/sheet1.xml', 1_900_000_000),
    message: alert,
    text: /^zip64 disguise\.xlsx cannot be trusted as a workbook: its zip directory says two different things \(directory position: [\d,]+ in the classic record, [\d,]+ in the zip64 record\)\. WWA Lab does not unpack such a file\./,
  },
  {
    name: 'proto part.xlsx',
    bytes: protoPartWorkbook,
    message: alert,
    text: /^proto part\.xlsx holds a part named “__proto__”: WWA Lab refuses workbooks with a part named __proto__, which no Excel file has\./,
  },
  {
    name: 'stray byte.csv',
    bytes: strayByteCsv,
    message: (page) => page.getByText(/^Read as UTF-8, but 1 place in stray byte\.csv is not valid UTF-8/),
    text: /^Read as UTF-8, but 1 place in stray byte\.csv is not valid UTF-8 and shows as �\. Check those rows in the preview, or choose the encoding the file was saved in\.$/,
    importable: true,
  },
  {
    name: 'proto.json',
    bytes: () =>
      strToU8(
        '[\n  { "caseId": "TC-1", "title": "Turn on" },\n  { "caseId": "TC-2", "title": "Turn off", "__proto__": { "polluted": true } }\n]\n',
      ),
    message: alert,
    text: /^Case 2 in proto\.json \(line 3\) has a field named "__proto__", which is not a plan field and which WWA Lab does not read\. Remove or rename that field\. Nothing was imported\.$/,
  },
  {
    name: 'formulas.xlsx',
    bytes: formulaWorkbook,
    message: (page) => page.getByRole('table', { name: 'Problems' }).getByRole('cell', { name: /^B7 holds a formula/ }),
    text: /^B7 holds a formula \(=CONCAT\("Case ",ROW\(\)-1,", computed"\)\); WWA Lab imports values only — type the value or paste values\.$/,
  },
]

describe('hostile plan files', () => {
  it.each(hostileFiles)(
    '$name: a clear message within 15 s, nothing stored, the window never blocked over 200 ms',
    async (hostile) => {
      files = await createFixtureFiles()
      const path = await files.bytes(hostile.name, hostile.bytes())
      app = await launchApp()
      const plans = new PlansScreen(app.page)
      await plans.openImport()
      const workers: string[] = []
      app.page.on('worker', (worker) => workers.push(worker.url()))

      await watchBlocks(app.page)
      app.dialogs.answerOpen([path])
      const pickedAt = Date.now()
      await plans.chooseFile()
      const message = hostile.message(app.page)
      await message.waitFor({ timeout: 15_000 })
      const waited = Date.now() - pickedAt
      // A little longer, so a block right after the message (painting the preview, say) is counted too.
      await app.page.waitForTimeout(500)
      const blocks = await blocksSoFar(app.page)
      figures.push(
        `  ${hostile.name.padEnd(20)} message after ${String(waited).padStart(5)} ms; longest block: long task ${blocks.longestTask.toFixed(0)} ms, timer gap ${blocks.longestTimerGap.toFixed(0)} ms, frame gap ${blocks.longestFrameGap.toFixed(0)} ms`,
      )

      expect((await message.textContent())?.trim()).toMatch(hostile.text)
      expect(waited).toBeLessThan(15_000)
      // A long task is the window's thread running one task that long: the measure of a blocked window.
      expect(blocks.longestTask).toBeLessThan(200)
      // A timer gap also counts time the machine gave to other processes (this one's two cores are shared, often
      // at a load of 10): it is reported above, and held to a bound that any real freeze (seconds, as before) breaks.
      expect(blocks.longestTimerGap).toBeLessThan(1000)
      // The file was read in the plan import worker, not on the window's thread.
      expect(workers).toHaveLength(1)
      expect((await plans.importButton().count()) === 1 && (await plans.importButton().isEnabled())).toBe(
        hostile.importable === true,
      )
      expect(await readStore(app.page, 'planVersions')).toEqual([])
      expect(await readStore(app.page, 'planSummaries')).toEqual([])
      app.assertClean()
    },
    60_000,
  )

  it('reads the stray-byte file again as Windows-1252 when the tester chooses it, in a fresh worker', async () => {
    files = await createFixtureFiles()
    const path = await files.bytes('stray byte.csv', strayByteCsv())
    app = await launchApp()
    const plans = new PlansScreen(app.page)
    await plans.openImport()
    const workers: string[] = []
    app.page.on('worker', (worker) => workers.push(worker.url()))
    app.dialogs.answerOpen([path])
    await plans.chooseFile()
    const encoding = app.page.getByRole('combobox', { name: 'Text encoding' })
    await encoding.waitFor()
    expect(await encoding.locator('option:checked').textContent()).toBe('UTF-8')
    await encoding.selectOption({ label: 'Windows-1252' })
    await app.page.getByText('Read as Windows-1252, as chosen.').waitFor()
    expect(await plans.preview().getByText('ÿRÃ©glage â€“ lumiÃ¨re').count()).toBe(1)
    expect(workers).toHaveLength(2)
    expect(await readStore(app.page, 'planVersions')).toEqual([])
    app.assertClean()
  })

  // Killed as well as closed: "Saved" must mean on disk, not in a buffer a crash loses.
  it.each(['closed', 'killed'] as const)(
    'uses the column cap set in Settings, kept when the app is %s and restarted',
    async (ending) => {
      files = await createFixtureFiles()
      const path = await files.text('notes.csv', `${planSheetHeader.join(',')},Notes\r\nTC-1,Turn on,,,,yes,x\r\n`)
      app = await launchApp()
      await app.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click()
      const cap = app.page.getByRole('textbox', { name: 'Most columns in a plan file' })
      expect(await cap.inputValue()).toBe('200')
      await cap.fill('1')
      expect(await cap.getAttribute('aria-invalid')).toBe('true')
      await cap.fill('6')
      await app.page.getByText('Saved: plan files may have up to 6 columns.').waitFor()

      if (ending === 'killed') await app.kill()
      app = await app.relaunch()
      const plans = new PlansScreen(app.page)
      await plans.openImport()
      app.dialogs.answerOpen([path])
      await plans.chooseFile()
      await alert(app.page).waitFor()
      expect(await alert(app.page).textContent()).toMatch(
        /^notes\.csv has 7 columns; WWA Lab reads at most 6 \(Settings →/,
      )
      expect(await readStore(app.page, 'planVersions')).toEqual([])
      app.assertClean()
    },
  )
})
