import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import * as xlsx from 'xlsx'
import type { LabBridge } from '../../../../core/bridge/contract'
import type { PlanImportLimits } from '../../../../core/import/limits'
import { readPlanBytes, type PlanFile } from '../../../../core/import/read-plan-file'
import type { ReadPlanFile } from '../../../../renderer/features/plans/plan-import-client'
import { PlanFileReaderContext } from '../../../../renderer/features/plans/plan-reader-context'
import { freshLabDb } from '../../../helpers/lab-db'
import { cancellingLab, renderApp } from '../../../helpers/render-app'

// happy-dom has no Web Workers: the page reads files with the worker's own function, in the test's thread.
const readInThread = () => {
  const calls: { file: PlanFile; limits: PlanImportLimits | undefined }[] = []
  const read: ReadPlanFile = (file, _signal, limits) => {
    calls.push({ file, limits })
    return readPlanBytes(file, limits)
  }
  return { read, calls }
}
const withReader =
  (read: ReadPlanFile) =>
  ({ children }: { children: ReactNode }) => <PlanFileReaderContext value={read}>{children}</PlanFileReaderContext>

const picking = (name: string, bytes: Uint8Array): LabBridge => ({
  ...cancellingLab,
  files: {
    ...cancellingLab.files,
    open: async () => ({
      ok: true,
      value: {
        canceled: false,
        files: [{ name, type: 'text/csv', size: bytes.byteLength, bytes: new Uint8Array(bytes) }],
        rejected: [],
      },
    }),
  },
})

const header = 'Case ID,Title,Category,Steps,Expected result,Required'

describe('importing hostile plan files', () => {
  it('says a stray byte in a UTF-8 file was replaced, and reads the file again in the encoding the tester chooses', async () => {
    const user = userEvent.setup()
    const text = new TextEncoder().encode(`${header}\r\nTC-1,Réglage – lumière,,,,yes\r\nTC-2,Arrêt,,,,yes\r\n`)
    const bytes = new Uint8Array([...text.subarray(0, 60), 0xff, ...text.subarray(60)])
    const reader = readInThread()
    renderApp('#/plans/import', { lab: picking('stray.csv', bytes), wrapper: withReader(reader.read) })
    await user.click(await screen.findByRole('button', { name: 'Choose plan file…' }))

    const encoding = await screen.findByRole('combobox', { name: 'Text encoding' })
    expect(encoding).toHaveDisplayValue('UTF-8')
    expect(encoding).toHaveAccessibleDescription(
      'Read as UTF-8, but 1 place in stray.csv is not valid UTF-8 and shows as �. Check those rows in the preview, or choose the encoding the file was saved in.',
    )
    expect(
      within(screen.getByRole('table', { name: 'Preview' })).getByText('\uFFFDRéglage – lumière'),
    ).toBeInTheDocument()

    await user.selectOptions(encoding, 'Windows-1252')
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Text encoding' })).toHaveDisplayValue('Windows-1252'),
    )
    expect(screen.getByRole('combobox', { name: 'Text encoding' })).toHaveAccessibleDescription(
      'Read as Windows-1252, as chosen.',
    )
    expect(
      within(screen.getByRole('table', { name: 'Preview' })).getByText('ÿRÃ©glage â€“ lumiÃ¨re'),
    ).toBeInTheDocument()
    expect(reader.calls.map((call) => call.file.encoding)).toEqual([undefined, 'windows-1252'])
    // The same bytes both times: the window kept them, and handed the reader a copy.
    expect(reader.calls[1]?.file.bytes).toEqual(bytes)
  })

  it('reads with the lab’s column cap from Settings and says where to change it', async () => {
    const db = freshLabDb()
    await db.settings.put({ key: 'planImport.maxColumns', value: 6 })
    const user = userEvent.setup()
    const reader = readInThread()
    const bytes = new TextEncoder().encode(`${header},Notes\r\nTC-1,Turn on,,,,yes,x\r\n`)
    renderApp('#/plans/import', { db, lab: picking('notes.csv', bytes), wrapper: withReader(reader.read) })
    await user.click(await screen.findByRole('button', { name: 'Choose plan file…' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'notes.csv has 7 columns; WWA Lab reads at most 6 (Settings → Plan import → Most columns in a plan file). Remove the columns that are not part of the plan, or raise the limit in Settings. Nothing was imported.',
    )
    expect(reader.calls[0]?.limits?.maxColumns).toBe(6)
    expect(screen.queryByRole('table', { name: 'Preview' })).toBeNull()
  })

  it('shows a header of 100,000 "(" in the pickers clipped, never whole', async () => {
    const user = userEvent.setup()
    const reader = readInThread()
    const bytes = new TextEncoder().encode(`${'('.repeat(100_000)},Case ID,Title\r\n,TC-1,Turn on\r\n`)
    renderApp('#/plans/import', { lab: picking('parens.csv', bytes), wrapper: withReader(reader.read) })
    await user.click(await screen.findByRole('button', { name: 'Choose plan file…' }))
    const caseId = await screen.findByRole('combobox', { name: 'Case ID' })
    expect(caseId).toHaveDisplayValue('B: Case ID')
    const options = within(caseId).getAllByRole('option')
    expect(options).toHaveLength(4)
    expect(options[1]?.textContent).toBe(`A: ${'('.repeat(80)}…`)
    expect(await screen.findByRole('status')).toHaveTextContent('Every row of parens.csv is valid.')
  })

  it('lists a formula cell in a column that is read as a problem with its address, and keeps Import disabled', async () => {
    const user = userEvent.setup()
    const sheet = xlsx.utils.aoa_to_sheet([
      header.split(','),
      ['TC-1', 'Turn on', '', '', '', 'yes'],
      ['TC-2', 'x', '', '', '', 'yes'],
    ])
    sheet['B3'] = { t: 's', v: 'Turn off', f: 'LOWER("TURN OFF")' }
    const book = xlsx.utils.book_new()
    xlsx.utils.book_append_sheet(book, sheet, 'Plan')
    const bytes = new Uint8Array(xlsx.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)
    const { db } = renderApp('#/plans/import', {
      lab: picking('formulas.xlsx', bytes),
      wrapper: withReader(readInThread().read),
    })
    await user.click(await screen.findByRole('button', { name: 'Choose plan file…' }))
    const problems = await screen.findByRole('table', { name: 'Problems' })
    expect(within(problems).getByRole('cell', { name: /^B3 holds a formula/ })).toHaveTextContent(
      'B3 holds a formula (=LOWER("TURN OFF")); WWA Lab imports values only — type the value or paste values.',
    )
    expect(screen.getByRole('button', { name: 'Nothing to import' })).toBeDisabled()
    // An xlsx file has no text encoding to choose.
    expect(screen.queryByRole('combobox', { name: 'Text encoding' })).toBeNull()
    expect(await db.planVersions.count()).toBe(0)
  })

  it('a chosen encoding that does not fit says so and offers the choice again', async () => {
    const user = userEvent.setup()
    const text = `${header}\r\nTC-1,Turn on,,,,yes\r\n`
    const bytes = new Uint8Array([
      0xff,
      0xfe,
      ...Array.from(new TextEncoder().encode(text)).flatMap((byte) => [byte, 0]),
    ])
    const reader = readInThread()
    renderApp('#/plans/import', { lab: picking('unicode.txt', bytes), wrapper: withReader(reader.read) })
    await user.click(await screen.findByRole('button', { name: 'Choose plan file…' }))
    const encoding = await screen.findByRole('combobox', { name: 'Text encoding' })
    expect(encoding).toHaveDisplayValue('UTF-16 LE')
    await user.selectOptions(encoding, 'UTF-8')
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'unicode.txt read as UTF-8 holds binary data: it is not in that encoding. Choose another one. Nothing was imported.',
    )
    await user.selectOptions(screen.getByRole('combobox', { name: 'Text encoding' }), 'UTF-16 LE')
    expect(await screen.findByRole('table', { name: 'Preview' })).toBeInTheDocument()
    expect(reader.calls.map((call) => call.file.encoding)).toEqual([undefined, 'utf-8', 'utf-16le'])
  })
})

vi.setConfig({ testTimeout: 20_000 })
