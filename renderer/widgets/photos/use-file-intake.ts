import { useState } from 'react'
import type { z } from 'zod'
import type { FileFilter } from '../../../core/bridge/contract'
import { formatBytes } from '../../../core/format-bytes'
import { useServices } from '../../app/services-context'
import type { IncomingFile, StoreOutcome } from '../../storage/repos/files/files-repo'
import { describeProblem } from '../../../core/outcome'
import { storageProblem } from '../../storage/storage-problems'
import { closePickedFiles, FileReadError, readPickedFile } from '../large-files/read-picked-file'
import { messageOf } from '../../../core/text/message-of'
import { heifRefusal, isHeifNamed } from '../../../core/rules/image-type'

export type IntakeState = { readonly busy: string | null; readonly problems: readonly string[] }

/** A file about to be stored, its bytes read only when its turn comes, so a batch holds one file at a time. */
type Pending = { readonly name: string; read(): Promise<Uint8Array> }

export type IntakeOptions = {
  /** What the files are, for messages and the dialog: "photos", "evidence files". */
  readonly what: string
  readonly filters: readonly z.input<typeof FileFilter>[]
  readonly maxBytes: number
  /** Photos only: a HEIC/HEIF file is refused with how to convert it, whatever its bytes. */
  readonly refuseHeif?: boolean
  readonly store: (file: IncomingFile) => Promise<StoreOutcome>
  /** The stored files' ids, and beside each the name the person gave the file (a file stored before keeps its first name). */
  readonly onStored: (fileIds: readonly string[], names: readonly string[]) => void
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
      const problem = storageProblem(error) ?? { code: 'storage-failed' as const, message: messageOf(error) }
      problems.push(`The ${options.what} could not be added: ${describeProblem(problem)}`)
    } finally {
      setState({ busy: null, problems })
    }
  }

  const store = async (files: readonly Pending[], problems: string[]) => {
    const stored: string[] = []
    const names: string[] = []
    for (const [index, file] of files.entries()) {
      setState({ busy: `Adding ${index + 1} of ${files.length}: ${file.name}…`, problems })
      let incoming: IncomingFile
      try {
        incoming = { name: file.name, bytes: await file.read() }
      } catch (error) {
        problems.push(messageOf(error))
        continue
      }
      const outcome = await options.store(incoming)
      if (outcome.ok) {
        stored.push(outcome.value.id)
        names.push(file.name)
      } else problems.push(describeProblem(outcome.problem))
    }
    if (stored.length > 0) options.onStored(stored, names)
  }

  const pick = () =>
    run(async (problems) => {
      setState({ busy: `Choosing ${options.what}…`, problems: [] })
      const title = `Add ${options.what}`
      const reply = await lab.files.open({
        title,
        filters: [...options.filters],
        multiple: true,
        maxBytes: options.maxBytes,
      })
      if (!reply.ok) {
        problems.push(`The ${options.what} could not be opened: ${reply.problem.message}`)
        return
      }
      problems.push(...reply.value.rejected.map((r) => r.reason))
      if (reply.value.canceled) return
      const heif = options.refuseHeif ? reply.value.files.filter((file) => isHeifNamed(file.name)) : []
      problems.push(...heif.map((file) => heifRefusal(file.name)))
      // Large files come as read handles main keeps open; whatever is not read (a storage error stopped the batch) is let go.
      const unread = new Set(reply.value.files)
      const pending = reply.value.files
        .filter((file) => !heif.includes(file))
        .map((file) => ({
          name: file.name,
          read: () => {
            unread.delete(file)
            return readPickedFile(lab, file).catch((error: unknown) => {
              throw error instanceof FileReadError
                ? error
                : new Error(`${file.name} could not be read: ${describeReadError(error)}.`)
            })
          },
        }))
      try {
        await store(pending, problems)
      } finally {
        await closePickedFiles(lab, [...unread])
      }
    })

  /** Files from a drop or a paste, refused before reading when over the limit. */
  const take = (list: FileList | readonly File[]) =>
    run(async (problems) => {
      const files = Array.from(list)
      setState({ busy: `Reading ${files.length} file${files.length === 1 ? '' : 's'}…`, problems: [] })
      const pending: Pending[] = []
      for (const file of files) {
        // A HEIC photo is told by its type before any of it is read: its bytes would be refused anyway.
        if (options.refuseHeif && isHeifNamed(file.name, file.type)) {
          problems.push(heifRefusal(file.name))
          continue
        }
        // Refused before reading: a dropped video or disk image must not be pulled into memory whole.
        if (file.size > options.maxBytes) {
          problems.push(
            `${file.name} is ${formatBytes(file.size)}; ${options.what} can be at most ${formatBytes(options.maxBytes)}.`,
          )
          continue
        }
        const name = file.name || 'pasted-image.png'
        pending.push({
          name,
          read: () =>
            file.arrayBuffer().then(
              (buffer) => new Uint8Array(buffer),
              () => {
                throw new Error(`${file.name} could not be read; a dropped folder is not a file.`)
              },
            ),
        })
      }
      await store(pending, problems)
    })

  return { state, pick, take }
}

const describeReadError = (error: unknown): string => messageOf(error).replace(/\.+$/, '')
