import { useState } from 'react'
import type { z } from 'zod'
import type { FileFilter } from '../../../core/bridge/contract'
import { formatBytes } from '../../../core/format-bytes'
import { useServices } from '../../app/services-context'
import type { IncomingFile, StoreOutcome } from '../../storage/repos/files/files-repo'
import { describeStorageError } from '../../storage/storage-errors'

export type IntakeState = { readonly busy: string | null; readonly problems: readonly string[] }

export type IntakeOptions = {
  /** What the files are, for messages and the dialog: "photos", "evidence files". */
  readonly what: string
  readonly filters: readonly z.input<typeof FileFilter>[]
  readonly maxBytes: number
  readonly store: (file: IncomingFile) => Promise<StoreOutcome>
  readonly onStored: (fileIds: readonly string[]) => void
}

/**
 * Brings files in from the file dialog, a drop or a paste, stores each with its
 * hash, and reports every file it refused with the reason. However it ends,
 * the control is usable again afterwards.
 */
export function useFileIntake(options: IntakeOptions) {
  const { lab } = useServices()
  const [state, setState] = useState<IntakeState>({ busy: null, problems: [] })

  const run = async (work: (problems: string[]) => Promise<void>) => {
    const problems: string[] = []
    try {
      await work(problems)
    } catch (error) {
      problems.push(`The ${options.what} could not be added: ${describeStorageError(error)}`)
    } finally {
      setState({ busy: null, problems })
    }
  }

  const store = async (files: readonly IncomingFile[], problems: string[]) => {
    const stored: string[] = []
    for (const [index, file] of files.entries()) {
      setState({ busy: `Adding ${index + 1} of ${files.length}: ${file.name}…`, problems })
      const outcome = await options.store(file)
      if (outcome.ok) stored.push(outcome.file.id)
      else problems.push(outcome.message)
    }
    if (stored.length > 0) options.onStored(stored)
  }

  const pick = () =>
    run(async (problems) => {
      setState({ busy: `Choosing ${options.what}…`, problems: [] })
      const title = `Add ${options.what}`
      const reply = await lab.files.open({ title, filters: [...options.filters], multiple: true, maxBytes: options.maxBytes })
      if (!reply.ok) {
        problems.push(`The ${options.what} could not be opened: ${reply.error.message}`)
        return
      }
      problems.push(...reply.value.rejected.map((r) => r.reason))
      if (!reply.value.canceled) await store(reply.value.files, problems)
    })

  /** Files from a drop or a paste, refused before reading when over the limit. */
  const take = (list: FileList | readonly File[]) =>
    run(async (problems) => {
      const files = Array.from(list)
      setState({ busy: `Reading ${files.length} file${files.length === 1 ? '' : 's'}…`, problems: [] })
      const incoming: IncomingFile[] = []
      for (const file of files) {
        // Refused before reading: a dropped video or disk image must not be pulled into memory whole.
        if (file.size > options.maxBytes) {
          problems.push(`${file.name} is ${formatBytes(file.size)}; ${options.what} can be at most ${formatBytes(options.maxBytes)}.`)
          continue
        }
        try {
          incoming.push({ name: file.name || 'pasted-image.png', bytes: new Uint8Array(await file.arrayBuffer()) })
        } catch {
          problems.push(`${file.name} could not be read; a dropped folder is not a file.`)
        }
      }
      await store(incoming, problems)
    })

  return { state, pick, take }
}
