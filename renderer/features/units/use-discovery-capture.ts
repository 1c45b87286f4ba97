import { useState } from 'react'
import { maxDiscoveryCaptures, type DiscoveryCapture } from '../../../core/model/discovery-capture'
import { describeProblem } from '../../../core/outcome'
import { parseDiscoveryResponse } from '../../../core/rules/discovery'
import { discoveryCapture } from '../../../core/rules/unit-discovery'
import { messageOf } from '../../../core/text/message-of'
import { newId } from '../../app/record-stamps'
import { useServices } from '../../app/services-context'

export type Captured = {
  readonly capture: DiscoveryCapture
  readonly summary: { readonly manufacturer: string; readonly model: string }
}

/** A file name that says what the JSON is and when it was pasted, without characters file systems refuse. */
export function discoveryFileName(serial: string, pastedAt: string): string {
  const who = serial.trim().replace(/[^\w.-]+/g, '_') || 'unit'
  return `discovery ${who} ${pastedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.json`
}

/**
 * Reads a pasted discovery response and keeps it: the JSON exactly as pasted
 * becomes a stored file with its SHA-256, and the capture names who pasted it
 * when. Nothing is kept when the JSON cannot be read or stored.
 */
export function useDiscoveryCapture(
  unit: { readonly serialNumber: string; readonly kept: number },
  onCaptured: (captured: Captured) => void,
) {
  const { repos, workingAs } = useServices()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const read = async (text: string): Promise<boolean> => {
    // Refused before anything is stored: the unit could not take one more, and the file would be kept for nothing.
    if (unit.kept >= maxDiscoveryCaptures) {
      setError(
        `This unit already keeps ${maxDiscoveryCaptures} discovery responses, the most one unit keeps. Nothing was read; record the next responses on a new unit, or report this if the unit really needs more.`,
      )
      return false
    }
    const parsed = parseDiscoveryResponse(text)
    if (!parsed.ok) {
      setError(parsed.message)
      return false
    }
    setError(undefined)
    setBusy(true)
    try {
      const pastedAt = new Date().toISOString()
      const stored = await repos.files.storeEvidence({
        name: discoveryFileName(unit.serialNumber, pastedAt),
        bytes: new TextEncoder().encode(text),
      })
      if (!stored.ok) {
        setError(`The discovery response was not kept: ${describeProblem(stored.problem)}`)
        return false
      }
      const { id: fileId, sha256, size } = stored.value
      const pastedBy = workingAs.current()
      const capture = discoveryCapture(parsed.endpoints, { id: newId(), fileId, sha256, size, pastedAt, pastedBy })
      onCaptured({ capture, summary: { manufacturer: parsed.manufacturer, model: parsed.model } })
      return true
    } catch (thrown) {
      setError(`The discovery response was not kept: ${messageOf(thrown)} Try again.`)
      return false
    } finally {
      setBusy(false)
    }
  }

  return { read, error, busy, clearError: () => setError(undefined) }
}
