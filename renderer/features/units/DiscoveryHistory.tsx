import { useState } from 'react'
import type { DiscoveryCapture } from '../../../core/model/discovery-capture'
import { messageOf } from '../../../core/text/message-of'
import { dates } from '../../app/lab-dates'
import { useServices } from '../../app/services-context'
import { FileSaveProgress } from '../../widgets/large-files/FileSaveProgress'
import { useFileSave } from '../../widgets/large-files/use-file-save'

const jsonFilter = [{ name: 'JSON', extensions: ['json'] }]

/** Every discovery response kept for the unit, newest first: when, by whom, its SHA-256; each can be read or saved as pasted. */
export function DiscoveryHistory({ captures }: { readonly captures: readonly DiscoveryCapture[] }) {
  const { repos, lab } = useServices()
  const { state, save, cancel } = useFileSave(lab)
  const [problem, setProblem] = useState<string | null>(null)

  const saveJson = async (capture: DiscoveryCapture) => {
    setProblem(null)
    const [meta] = await repos.files.metas([capture.fileId])
    const blob = await repos.files.original(capture.fileId)
    if (!meta || !blob) {
      setProblem(missing(capture))
      return
    }
    await save({ title: 'Save discovery response', suggestedName: meta.name, filters: jsonFilter, source: blob })
  }

  return (
    <section className="discovery-history" aria-labelledby="discovery-history-title">
      <h3 id="discovery-history-title">Discovery responses kept ({captures.length})</h3>
      <ol aria-labelledby="discovery-history-title">
        {captures.map((capture) => (
          <CaptureItem
            key={capture.id}
            capture={capture}
            onSave={() => void saveJson(capture)}
            busy={state.phase === 'choosing' || state.phase === 'saving'}
          />
        ))}
      </ol>
      <Problem text={problem} />
      <FileSaveProgress state={state} onCancel={cancel} />
    </section>
  )
}

function CaptureItem({
  capture,
  onSave,
  busy,
}: {
  readonly capture: DiscoveryCapture
  readonly onSave: () => void
  readonly busy: boolean
}) {
  const { repos } = useServices()
  const [json, setJson] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const when = dates.dateTime(capture.pastedAt)
  const viewId = `discovery-json-${capture.id}`

  const toggle = async () => {
    if (json !== null) {
      setJson(null)
      return
    }
    try {
      const blob = await repos.files.original(capture.fileId)
      if (blob) setJson(await blob.text())
      else setProblem(missing(capture))
    } catch (error) {
      setProblem(`The discovery response of ${when} could not be read: ${messageOf(error)}`)
    }
  }

  const endpoints = capture.endpoints.length
  return (
    <li aria-label={`Discovery response pasted ${when} by ${capture.pastedBy.name}`}>
      <p>
        <strong>{when}</strong> · pasted by {capture.pastedBy.name} · {endpoints}{' '}
        {endpoints === 1 ? 'endpoint' : 'endpoints'}
        <br />
        SHA-256 <code className="sha256">{capture.sha256}</code>
      </p>
      <p className="discovery-actions">
        <button type="button" aria-expanded={json !== null} aria-controls={viewId} onClick={() => void toggle()}>
          {json === null ? 'View JSON' : 'Hide JSON'}
        </button>{' '}
        <button type="button" onClick={onSave} disabled={busy}>
          Save JSON…
        </button>
      </p>
      <Problem text={problem} />
      <div id={viewId}>
        {json === null ? null : (
          <pre className="discovery-json" tabIndex={0} aria-label={`JSON pasted ${when}`}>
            {json}
          </pre>
        )}
      </div>
    </li>
  )
}

function Problem({ text }: { readonly text: string | null }) {
  return text ? (
    <p className="field-error" role="alert">
      {text}
    </p>
  ) : null
}

const missing = (capture: DiscoveryCapture) =>
  `The JSON pasted ${dates.dateTime(capture.pastedAt)} is no longer in the lab's stored files (SHA-256 ${capture.sha256.slice(0, 12)}…). Restore a backup from before it went missing to get it back.`
