import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import type { LabBridge } from '../../../../core/bridge/contract'
import { FileSaveProgress } from '../../../../renderer/widgets/large-files/FileSaveProgress'
import { useFileSave } from '../../../../renderer/widgets/large-files/use-file-save'
import type { SaveSource } from '../../../../renderer/widgets/large-files/chunks-of'
import { servicesOnDisk, type ServicesOnDisk } from '../../../unit/main/services/files/lab-over-dispatch'

const MiB = 1024 * 1024
const oldContent = 'the report saved last week'

let disk: ServicesOnDisk | undefined
afterEach(async () => {
  await disk?.remove()
  disk = undefined
})

/** A page that saves report.zip with the widget, as packets and backups will. */
function SaveReport({ lab, source, size }: { lab: LabBridge; source: SaveSource; size?: number }) {
  const { state, save, cancel } = useFileSave(lab)
  return (
    <>
      <button type="button" onClick={() => void save({ suggestedName: 'report.zip', source, size })}>
        Save report
      </button>
      <FileSaveProgress state={state} onCancel={cancel} />
    </>
  )
}

/** Four 8 MiB pieces, each made only when the test lets the next one go: a packet being built slowly. */
function gatedSource() {
  const pieces = [1, 2, 3, 4].map((fill) => new Uint8Array(8 * MiB).fill(fill))
  const gates = pieces.map(() => {
    let resolve: () => void = () => undefined
    const promise = new Promise<void>((done) => (resolve = done))
    return { promise, resolve }
  })
  async function* source() {
    for (const [index, piece] of pieces.entries()) {
      if (index > 0) await gates[index]!.promise
      yield piece
    }
  }
  const whole = createHash('sha256')
  for (const piece of pieces) whole.update(piece)
  return {
    source: source(),
    size: 32 * MiB,
    open: (index: number) => gates[index]!.resolve(),
    sha256: whole.digest('hex'),
  }
}

/** Every text the status line has shown, in order, as a screen reader would hear them. */
function statusTexts(): string[] {
  const heard: string[] = []
  const status = screen.getByRole('status')
  const note = () => {
    const text = status.textContent ?? ''
    if (text !== '' && heard.at(-1) !== text) heard.push(text)
  }
  new MutationObserver(note).observe(status, { childList: true, characterData: true, subtree: true })
  return heard
}

describe('FileSaveProgress with useFileSave, over the real save session', () => {
  it('shows the progress by role and name, announces the save once, not per chunk, and says when it is on disk', async () => {
    const user = userEvent.setup()
    disk = await servicesOnDisk()
    const target = disk.answerSave('report.zip')!
    const gated = gatedSource()
    render(<SaveReport lab={disk.lab} source={gated.source} size={gated.size} />)
    const heard = statusTexts()

    await user.click(screen.getByRole('button', { name: 'Save report' }))

    const bar = await screen.findByRole('progressbar', { name: 'Saving report.zip' })
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuetext', '8 MiB of 32 MiB'))
    expect(bar).toHaveAttribute('value', String(8 * MiB))
    expect(bar).toHaveAttribute('max', String(32 * MiB))
    gated.open(1)
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuetext', '16 MiB of 32 MiB'))
    gated.open(2)
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuetext', '24 MiB of 32 MiB'))
    expect(screen.getByRole('status')).toHaveTextContent('Saving report.zip (32 MiB)…')
    gated.open(3)

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved report.zip (32 MiB).'))
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument()
    expect(heard).toEqual([
      'Choose where to save report.zip.',
      'Saving report.zip (32 MiB)…',
      'Saved report.zip (32 MiB).',
    ])
    const onDisk = await readFile(target)
    expect(onDisk.byteLength).toBe(32 * MiB)
    expect(createHash('sha256').update(onDisk).digest('hex')).toBe(gated.sha256)
    expect(await disk.listing()).toEqual(['report.zip'])
  })

  it('Cancel aborts the save midway: nothing of it is left on disk and the old file is as it was', async () => {
    const user = userEvent.setup()
    disk = await servicesOnDisk()
    const target = disk.answerSave('report.zip')!
    await writeFile(target, oldContent)
    const gated = gatedSource()
    render(<SaveReport lab={disk.lab} source={gated.source} size={gated.size} />)

    await user.click(screen.getByRole('button', { name: 'Save report' }))
    const bar = await screen.findByRole('progressbar', { name: 'Saving report.zip' })
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuetext', '8 MiB of 32 MiB'))
    expect((await disk.listing()).length).toBe(2) // report.zip and the temporary file being written

    await user.click(screen.getByRole('button', { name: 'Cancel' }))

    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'Saving report.zip was cancelled. Nothing was saved; any earlier file is unchanged.',
      ),
    )
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument()
    expect(await disk.listing()).toEqual(['report.zip'])
    expect(await readFile(target, 'utf8')).toBe(oldContent)
  })

  it('shows a refused save as an alert naming the file and what to do', async () => {
    const user = userEvent.setup()
    disk = await servicesOnDisk()
    disk.answerSave(join('gone', 'report.zip'))
    render(<SaveReport lab={disk.lab} source={new Blob(['PK'])} />)

    await user.click(screen.getByRole('button', { name: 'Save report' }))

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not save report.zip: the file or its folder does not exist. Nothing was saved and the previous file, if any, is unchanged. Save it again, perhaps to another folder.',
    )
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument()
    expect(await disk.listing()).toEqual([])
  })

  it('goes back to nothing when the person closes the dialog without choosing', async () => {
    const user = userEvent.setup()
    disk = await servicesOnDisk()
    disk.answerSave(undefined)
    render(<SaveReport lab={disk.lab} source={new Blob(['PK'])} />)
    await user.click(screen.getByRole('button', { name: 'Save report' }))
    await waitFor(() => expect(screen.getByRole('status')).toBeEmptyDOMElement())
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})

describe('FileSaveProgress on its own', () => {
  it('shows how much is saved when the size is not known ahead, with an indeterminate bar', () => {
    render(
      <FileSaveProgress
        state={{ phase: 'saving', name: 'backup.wwabak', written: 120 * MiB, total: undefined }}
        onCancel={() => undefined}
      />,
    )
    const bar = screen.getByRole('progressbar', { name: 'Saving backup.wwabak' })
    expect(bar).not.toHaveAttribute('value')
    expect(bar).toHaveAttribute('aria-valuetext', '120 MiB')
    expect(screen.getByRole('status')).toHaveTextContent('Saving backup.wwabak…')
  })

  it('calls onCancel from its Cancel button', async () => {
    const user = userEvent.setup()
    let cancelled = 0
    render(
      <FileSaveProgress
        state={{ phase: 'saving', name: 'report.zip', written: 120 * MiB, total: 300 * MiB }}
        onCancel={() => (cancelled += 1)}
      />,
    )
    expect(screen.getByRole('progressbar', { name: 'Saving report.zip' })).toHaveAttribute(
      'aria-valuetext',
      '120 MiB of 300 MiB',
    )
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(cancelled).toBe(1)
  })
})
