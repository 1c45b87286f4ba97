import { useState } from 'react'
import { formatBytes } from '../../../core/format-bytes'
import { maxPhotoBytes } from '../../../core/model/stored-file'
import { useServices } from '../../app/services-context'
import type { IncomingFile } from '../../storage/repos/files-repo'
import { describeStorageError } from '../../storage/storage-errors'

export type IntakeState = { readonly busy: string | null; readonly problems: readonly string[] }

const imageFilter = { name: 'Photos', extensions: ['jpg', 'jpeg', 'png', 'webp', 'gif', 'bmp'] }

/**
 * Brings photos in from the file dialog or a drop, stores each with its hash and
 * thumbnail, and reports every file it refused with the reason. However it ends,
 * the gallery is usable again afterwards.
 */
export function usePhotoIntake(onStored: (fileIds: readonly string[]) => void) {
  const { lab, repos } = useServices()
  const [state, setState] = useState<IntakeState>({ busy: null, problems: [] })

  const run = async (work: (problems: string[]) => Promise<void>) => {
    const problems: string[] = []
    try {
      await work(problems)
    } catch (error) {
      problems.push(`The photos could not be added: ${describeStorageError(error)}`)
    } finally {
      setState({ busy: null, problems })
    }
  }

  const store = async (files: readonly IncomingFile[], problems: string[]) => {
    const stored: string[] = []
    for (const [index, file] of files.entries()) {
      setState({ busy: `Adding photo ${index + 1} of ${files.length}: ${file.name}…`, problems })
      const outcome = await repos.files.storePhoto(file)
      if (outcome.ok) stored.push(outcome.file.id)
      else problems.push(outcome.message)
    }
    if (stored.length > 0) onStored(stored)
  }

  const pick = () =>
    run(async (problems) => {
      setState({ busy: 'Choosing photos…', problems: [] })
      const reply = await lab.files.open({ title: 'Add photos', filters: [imageFilter], multiple: true, maxBytes: maxPhotoBytes })
      if (!reply.ok) {
        problems.push(`The photos could not be opened: ${reply.error.message}`)
        return
      }
      problems.push(...reply.value.rejected.map((r) => r.reason))
      if (!reply.value.canceled) await store(reply.value.files, problems)
    })

  const drop = (list: FileList) =>
    run(async (problems) => {
      const files = Array.from(list)
      setState({ busy: `Reading ${files.length} dropped file${files.length === 1 ? '' : 's'}…`, problems: [] })
      const incoming: IncomingFile[] = []
      for (const file of files) {
        // Refused before reading: a dropped video or disk image must not be pulled into memory whole.
        if (file.size > maxPhotoBytes) {
          problems.push(`${file.name} is ${formatBytes(file.size)}; photos can be at most ${formatBytes(maxPhotoBytes)}.`)
          continue
        }
        try {
          incoming.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })
        } catch {
          problems.push(`${file.name} could not be read; a dropped folder is not a photo.`)
        }
      }
      await store(incoming, problems)
    })

  return { state, pick, drop }
}
