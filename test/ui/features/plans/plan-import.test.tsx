import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import type { LabBridge } from '../../../../core/bridge/contract'
import type { ReadPlanFile } from '../../../../renderer/features/plans/plan-import-client'
import { PlanFileReaderContext } from '../../../../renderer/features/plans/plan-reader-context'
import { readPlanBytes } from '../../../../core/import/read-plan-file'
import { freshLabDb } from '../../../helpers/lab-db'
import { aPlanVersion } from '../../../helpers/records'
import { putPlanVersions } from '../../../helpers/stored-rows'
import { cancellingLab, renderApp } from '../../../helpers/render-app'

// happy-dom has no Web Workers: the page reads files with the worker's own function, in the test's thread.
const readInThread: ReadPlanFile = (file) => readPlanBytes(file)
const withReader =
  (read: ReadPlanFile) =>
  ({ children }: { children: ReactNode }) => <PlanFileReaderContext value={read}>{children}</PlanFileReaderContext>

const header = 'Case ID,Title,Category,Steps,Expected result,Required'
const csv = (...rows: string[]) => new TextEncoder().encode([header, ...rows].join('\r\n'))
const goodRows = [
  'TC-1,Discovery,Discovery,Ask Alexa to discover,Found,yes',
  'TC-2,Turn on,Power,Say turn on,Turns on,yes',
  'TC-3,Rename,App,Rename it,Renamed,no',
]

/** A bridge whose open dialog picks this file. */
const picking = (name: string, bytes: Uint8Array<ArrayBuffer>): LabBridge => ({
  ...cancellingLab,
  files: {
    ...cancellingLab.files,
    open: async () => ({
      ok: true,
      value: { canceled: false, files: [{ name, type: 'text/csv', size: bytes.byteLength, bytes }], rejected: [] },
    }),
  },
})

describe('importing a test plan', () => {
  it('previews a file with its guessed columns and imports every case at once', async () => {
    const user = userEvent.setup()
    const { db } = renderApp('#/plans/import', {
      lab: picking('plug plan.csv', csv(...goodRows)),
      wrapper: withReader(readInThread),
    })
    await user.click(await screen.findByRole('button', { name: 'Choose plan file…' }))

    expect(await screen.findByRole('heading', { name: 'plug plan.csv' })).toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: 'Case ID' })).toHaveDisplayValue('A: Case ID')
    expect(screen.getByRole('combobox', { name: 'Required' })).toHaveDisplayValue('F: Required')
    const preview = screen.getByRole('table', { name: 'Preview' })
    expect(within(preview).getAllByRole('row')).toHaveLength(4)
    expect(within(preview).getByRole('rowheader', { name: '2' })).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('Every row of plug plan.csv is valid.')
    expect(screen.getByRole('textbox', { name: 'Plan name' })).toHaveValue('plug plan')

    await user.click(screen.getByRole('button', { name: 'Import 3 cases' }))
    await waitFor(async () => expect(await db.planVersions.count()).toBe(1))
    const [stored] = await db.planVersions.toArray()
    expect(stored?.cases.map((c) => [c.caseId, c.required])).toEqual([
      ['TC-1', true],
      ['TC-2', true],
      ['TC-3', false],
    ])
    expect(stored?.source).toMatchObject({ kind: 'csv', fileName: 'plug plan.csv' })
    expect(stored?.source.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(window.location.hash).toBe(`#/plans/${stored?.id}`)
  })

  it('reports each bad row and column, keeps Import disabled and stores nothing', async () => {
    const user = userEvent.setup()
    const bytes = csv(
      'TC-1,Discovery,,,,yes',
      'TC-2,,,,,yes',
      'TC-1,Again,,,,yes',
      'TC-4,Rename,,,,perhaps',
      'TC-5,Fine,,,,',
    )
    const { db } = renderApp('#/plans/import', { lab: picking('bad.csv', bytes), wrapper: withReader(readInThread) })
    await user.click(await screen.findByRole('button', { name: 'Choose plan file…' }))

    expect(await screen.findByRole('alert')).toHaveTextContent(
      '3 problems in 3 rows of bad.csv. Nothing is imported until every row is valid',
    )
    const report = screen.getByRole('table', { name: 'Problems' })
    const lines = within(report)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      )
    expect(lines).toEqual([
      ['3', 'Title', 'Title is required.'],
      ['4', 'Case ID', 'Case ID TC-1 is already used in row 2; case IDs must be unique in a plan.'],
      ['5', 'Required', expect.stringContaining('"perhaps" is not a yes or no.')],
    ])
    // A disabled button claims no count: nothing can be imported while the report lists problems.
    expect(screen.queryByRole('button', { name: /^Import \d/ })).toBeNull()
    const importButton = screen.getByRole('button', { name: 'Nothing to import' })
    expect(importButton).toBeDisabled()
    expect(importButton).toHaveAccessibleDescription('Import is possible once the report above is empty.')
    expect(await db.planVersions.count()).toBe(0)
  })

  it('says "the 1 row" and "all 3 rows", not "all 1 rows"', async () => {
    const user = userEvent.setup()
    renderApp('#/plans/import', { lab: picking('one.csv', csv(goodRows[0] ?? '')), wrapper: withReader(readInThread) })
    await user.click(await screen.findByRole('button', { name: 'Choose plan file…' }))
    const preview = await screen.findByRole('table', { name: 'Preview' })
    expect(preview.querySelector('caption')).toHaveTextContent(
      /^Preview: the 1 row, read with the columns chosen above\.$/,
    )
    expect(screen.getByText(/header in row 1 · 1 row \(row 2\)$/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Import 1 case' })).toBeEnabled()
  })

  it('keeps the file’s other columns with each case unless the tester leaves one out', async () => {
    const user = userEvent.setup()
    const bytes = new TextEncoder().encode(
      'TC #;Test case;Expected;Notes;Priority\nA-1;On;Lamp on;Check twice;High\nA-2;Off;Lamp off;;Low',
    )
    const { db } = renderApp('#/plans/import', { lab: picking('de.csv', bytes), wrapper: withReader(readInThread) })
    await user.click(await screen.findByRole('button', { name: 'Choose plan file…' }))
    const kept = await screen.findByRole('group', { name: 'Other columns, kept with each case' })
    const preview = screen.getByRole('table', { name: 'Preview' })
    expect(within(preview).getByRole('columnheader', { name: 'Priority' })).toBeInTheDocument()
    await user.click(within(kept).getByRole('checkbox', { name: 'Priority (column E)' }))
    expect(within(preview).queryByRole('columnheader', { name: 'Priority' })).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Import 2 cases' }))
    await waitFor(async () => expect(await db.planVersions.count()).toBe(1))
    const [stored] = await db.planVersions.toArray()
    expect(stored?.cases.map((c) => c.extra)).toEqual([[{ column: 'Notes', value: 'Check twice' }], undefined])
  })

  it('lets the tester choose the columns the guess missed', async () => {
    const user = userEvent.setup()
    // Headers no spelling list knows ("Nr;Testfall;Erwartet" is now recognised by itself).
    const bytes = new TextEncoder().encode('Schlüssel;Inhalt;Ziel\nA-1;Einschalten;An\nA-2;Ausschalten;Aus')
    renderApp('#/plans/import', { lab: picking('de.csv', bytes), wrapper: withReader(readInThread) })
    await user.click(await screen.findByRole('button', { name: 'Choose plan file…' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(/problems? in 1 row/)
    await user.selectOptions(screen.getByRole('combobox', { name: 'Case ID' }), 'A: Schlüssel')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Title' }), 'B: Inhalt')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Expected result' }), 'C: Ziel')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(
      within(screen.getByRole('table', { name: 'Preview' })).getByRole('cell', { name: 'Einschalten' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Import 2 cases' })).toBeEnabled()
  })

  it('keeps the preview and the chosen columns when the dialog for another file is cancelled', async () => {
    const user = userEvent.setup()
    const picked = picking('plan.csv', csv(...goodRows))
    let opened = 0
    const lab: LabBridge = {
      ...picked,
      files: {
        ...picked.files,
        open: (request) => (++opened === 1 ? picked.files.open(request) : cancellingLab.files.open(request)),
      },
    }
    renderApp('#/plans/import', { lab, wrapper: withReader(readInThread) })
    await user.click(await screen.findByRole('button', { name: 'Choose plan file…' }))
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Category or capability' }), 'Not in the file')
    await user.click(screen.getByRole('button', { name: 'Choose another file…' }))
    expect(opened).toBe(2)
    expect(screen.getByRole('combobox', { name: 'Category or capability' })).toHaveDisplayValue('Not in the file')
    expect(screen.getByRole('button', { name: 'Import 3 cases' })).toBeEnabled()
  })

  it('imports a file as the next version of an existing plan', async () => {
    const user = userEvent.setup()
    const db = freshLabDb()
    await putPlanVersions(db, [aPlanVersion()])
    renderApp('#/plans/import?plan=plan-1', {
      db,
      lab: picking('v2.csv', csv(...goodRows)),
      wrapper: withReader(readInThread),
    })
    expect(await screen.findByRole('heading', { name: 'Import a new version of WWA smart plug' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Choose plan file…' }))
    expect(await screen.findByRole('textbox', { name: 'Plan name' })).toHaveValue('WWA smart plug')
    await user.click(screen.getByRole('button', { name: 'Import 3 cases' }))
    await waitFor(async () => expect(await db.planVersions.count()).toBe(2))
    const latest = (await db.planVersions.toArray()).find((v) => v.version === 2)
    expect(latest).toMatchObject({ planId: 'plan-1', name: 'WWA smart plug' })
    expect(window.location.hash).toBe(`#/plans/${latest?.id}`)
  })

  it('says why the dialog refused a file that is too large, and stores nothing', async () => {
    const user = userEvent.setup()
    const lab: LabBridge = {
      ...cancellingLab,
      files: {
        ...cancellingLab.files,
        open: async () => ({
          ok: true,
          value: {
            canceled: false,
            files: [],
            rejected: [
              {
                name: 'huge.xlsx',
                reason: 'huge.xlsx is 12 MiB, more than the 10 MiB limit for opening a file. It was not opened.',
              },
            ],
          },
        }),
      },
    }
    const { db } = renderApp('#/plans/import', { lab, wrapper: withReader(readInThread) })
    await user.click(await screen.findByRole('button', { name: 'Choose plan file…' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'huge.xlsx is 12 MiB, more than the 10 MiB limit for opening a file. It was not opened. Nothing was imported.',
    )
    expect(await db.planVersions.count()).toBe(0)
  })

  it('refuses a dropped file over the size limit before reading it', async () => {
    let reads = 0
    renderApp('#/plans/import', { wrapper: withReader(async (file) => (reads++, readPlanBytes(file))) })
    const zone = await screen.findByRole('group', { name: 'Plan file' })
    const big = new File(['x'], 'big.csv', { type: 'text/csv' })
    Object.defineProperty(big, 'size', { value: 11 * 1024 * 1024 })
    fireEvent.drop(zone, { dataTransfer: { files: [big] } })
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'big.csv is 11 MiB; a plan file can be at most 10 MiB. Nothing was imported.',
    )
    expect(reads).toBe(0)
  })

  it('reads a dropped file', async () => {
    renderApp('#/plans/import', { wrapper: withReader(readInThread) })
    const zone = await screen.findByRole('group', { name: 'Plan file' })
    fireEvent.drop(zone, {
      dataTransfer: { files: [new File([csv(...goodRows)], 'dropped.csv', { type: 'text/csv' })] },
    })
    expect(await screen.findByRole('button', { name: 'Import 3 cases' })).toBeEnabled()
  })

  it('shows progress while reading and stops the reading on Cancel', async () => {
    const user = userEvent.setup()
    let started = false
    let stopped = false
    const slow: ReadPlanFile = (_file, signal) =>
      new Promise((resolve) => {
        started = true
        signal.addEventListener('abort', () => {
          stopped = true
          resolve({ ok: false, canceled: true, message: 'Reading stopped. Nothing was imported.' })
        })
      })
    const { db } = renderApp('#/plans/import', {
      lab: picking('slow.csv', csv(...goodRows)),
      wrapper: withReader(slow),
    })
    await user.click(await screen.findByRole('button', { name: 'Choose plan file…' }))
    expect(await screen.findByRole('progressbar', { name: 'Reading slow.csv' })).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent(/^Reading slow\.csv \(.*\)…$/)
    expect(screen.getByText(/0 s; it is stopped after 10 s\./)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Choose plan file…' })).toBeDisabled()
    // The reader starts once the column cap is read from settings; Cancel then stops it.
    await waitFor(() => expect(started).toBe(true))
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(stopped).toBe(true)
    expect(await screen.findByRole('status')).toHaveTextContent('Reading stopped. Nothing was imported.')
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument()
    expect(await db.planVersions.count()).toBe(0)
  })
})
