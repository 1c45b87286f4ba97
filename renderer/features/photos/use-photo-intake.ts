import { useState } from 'react'
import { maxPhotoBytes } from '../../../core/model/stored-file'
import { useServices } from '../../app/services-context'
import type { IncomingFile } from '../../storage/repos/files-repo'

export type IntakeState = { readonly busy: string | null; readonly problems: readonly string[] }

const imageFilter = { name: 'Photos', extensions: ['jpg', 'jpeg', 'png', 'webp', 'gif', 'bmp'] }

/**
 * Brings photos in from the file dialog or a drop, stores each with its hash and
 * thumbnail, and reports every file it refused with the reason.
 */
export function usePhotoIntake(onStored: (fileIds: readonly string[]) => void) {
  const { lab, repos } = useServices()
  const [state, setState] = useState<IntakeState>({ busy: null, problems: [] })

  const store = async (files: readonly IncomingFile[], refused: readonly string[]) => {
    const problems = [...refused]
    const stored: string[] = []
    for (const [index, file] of files.entries()) {
      setState({ busy: `Adding photo ${index + 1} of ${files.length}: ${file.name}…`, problems })
      const outcome = await repos.files.storePhoto(file)
      if (outcome.ok) stored.push(outcome.file.id)
      else problems.push(outcome.message)
    }
    if (stored.length > 0) onStored(stored)
    setState({ busy: null, problems })
  }

  const pick = async () => {
    setState({ busy: 'Choosing photos…', problems: [] })
    const reply = await lab.files.open({ title: 'Add photos', filters: [imageFilter], multiple: true, maxBytes: maxPhotoBytes })
    if (!reply.ok) {
      setState({ busy: null, problems: [reply.error.message] })
      return
    }
    if (reply.value.canceled) {
      setState({ busy: null, problems: [] })
      return
    }
    await store(
      reply.value.files,
      reply.value.rejected.map((r) => `${r.name}: ${r.reason}`),
    )
  }

  const drop = async (list: FileList) => {
    const files = Array.from(list)
    setState({ busy: `Reading ${files.length} dropped file${files.length === 1 ? '' : 's'}…`, problems: [] })
    const incoming: IncomingFile[] = []
    for (const file of files) incoming.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })
    await store(incoming, [])
  }

  return { state, pick, drop }
}
