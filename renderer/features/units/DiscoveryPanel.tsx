import { useState } from 'react'
import type { Unit } from '../../../core/model/unit'
import { discoveryHistory, latestDiscovery, latestEndpoints } from '../../../core/rules/unit-discovery'
import { dates } from '../../app/lab-dates'
import { TextAreaField } from '../../ui/Field'
import { DiscoveryEndpoints } from './DiscoveryEndpoints'
import { DiscoveryHistory } from './DiscoveryHistory'
import { useDiscoveryCapture, type Captured } from './use-discovery-capture'
import './DiscoveryPanel.css'

type Props = {
  readonly unit: Pick<Unit, 'serialNumber' | 'discovery' | 'discoveryCaptures'>
  readonly product: { readonly brand: string; readonly modelNumber: string } | undefined
  readonly onCaptured: (captured: Captured) => void
  /** The responses kept, without a way to paste another (an archived unit). */
  readonly readOnly?: boolean
}

/**
 * Paste the Alexa discovery response: each paste is kept as evidence (the JSON,
 * its SHA-256, who pasted it when), and the newest one's endpoints are compared,
 * each on its own line, with the product's brand and model number.
 */
export function DiscoveryPanel({ unit, product, onCaptured, readOnly = false }: Props) {
  const [text, setText] = useState('')
  const capture = useDiscoveryCapture(
    { serialNumber: unit.serialNumber, kept: unit.discoveryCaptures?.length ?? 0 },
    onCaptured,
  )
  const latest = latestDiscovery(unit)
  const history = discoveryHistory(unit)

  const read = async () => {
    if (await capture.read(text)) setText('')
  }

  return (
    <fieldset className="discovery">
      <legend>Alexa discovery</legend>
      {latest === null ? (
        <p className="muted">No discovery response read yet.</p>
      ) : (
        <>
          <p>
            {latest.kind === 'capture' ? (
              <>
                Newest response: pasted {dates.dateTime(latest.capture.pastedAt)} by {latest.capture.pastedBy.name}.
              </>
            ) : (
              <>
                Read {dates.dateTime(latest.summary.pastedAt)}, before WWA Lab kept the responses themselves: only the
                manufacturer and model of its {latest.summary.endpointCount === 1 ? 'endpoint' : 'first endpoint'} were
                kept. Paste the response again to keep it as evidence.
              </>
            )}
          </p>
          <DiscoveryEndpoints endpoints={latestEndpoints(latest)} product={product} />
        </>
      )}
      {readOnly ? null : (
        <>
          <TextAreaField
            label="Discovery response JSON"
            value={text}
            error={capture.error}
            hint="Paste the Discover.Response the device sent. Every response read is kept with its SHA-256; an earlier one stays in the history below."
            rows={5}
            onChange={(value) => {
              setText(value)
              capture.clearError()
            }}
          />
          <button type="button" onClick={() => void read()} disabled={text.trim() === '' || capture.busy}>
            {capture.busy ? 'Keeping discovery response…' : 'Read discovery response'}
          </button>
        </>
      )}
      {history.length > 0 ? <DiscoveryHistory captures={history} /> : null}
    </fieldset>
  )
}
