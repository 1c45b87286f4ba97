import { useState } from 'react'
import type { UnitDiscovery } from '../../../core/model/unit'
import { parseDiscoveryResponse } from '../../../core/rules/discovery'
import { compareDiscoveryModel } from '../../../core/rules/model-number'
import { nowIso } from '../../app/record-stamps'
import { TextAreaField } from '../../ui/Field'
import './DiscoveryPanel.css'

type Props = {
  readonly discovery: UnitDiscovery | null
  readonly productModel: string | undefined
  readonly onExtracted: (discovery: UnitDiscovery) => void
}

/** Paste the Alexa discovery response; the manufacturer and model it reports are compared with the product's model number. */
export function DiscoveryPanel({ discovery, productModel, onExtracted }: Props) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string>()

  const read = () => {
    const parsed = parseDiscoveryResponse(text)
    if (!parsed.ok) {
      setError(parsed.message)
      return
    }
    setError(undefined)
    setText('')
    onExtracted({
      manufacturer: parsed.manufacturer,
      model: parsed.model,
      endpointCount: parsed.endpoints.length,
      pastedAt: nowIso(),
    })
  }

  const comparison =
    discovery && productModel !== undefined ? compareDiscoveryModel(discovery.model, productModel) : undefined

  return (
    <fieldset>
      <legend>Alexa discovery</legend>
      {discovery ? (
        <dl className="facts" aria-label="What the unit reports in discovery">
          <dt>Manufacturer</dt>
          <dd>{discovery.manufacturer || '—'}</dd>
          <dt>Model</dt>
          <dd>{discovery.model}</dd>
          <dt>Endpoints</dt>
          <dd>{discovery.endpointCount}</dd>
          <dt>Product model number</dt>
          <dd>{productModel ?? 'Choose the product first'}</dd>
          <dt>Discovery model</dt>
          <dd>
            {comparison ? (
              <span className={`verdict ${comparison.verdict === 'pass' ? 'status-good' : 'status-bad'}`}>
                {comparison.verdict === 'pass' ? 'Pass' : 'Mismatch'}: {comparison.message}
              </span>
            ) : (
              '—'
            )}
          </dd>
        </dl>
      ) : (
        <p className="muted">No discovery response read yet.</p>
      )}
      <TextAreaField
        label="Discovery response JSON"
        value={text}
        error={error}
        hint="Paste the Discover.Response the device sent; the manufacturer and additionalAttributes.model are read from it."
        rows={5}
        onChange={(value) => {
          setText(value)
          setError(undefined)
        }}
      />
      <button type="button" onClick={read} disabled={text.trim() === ''}>
        Read discovery response
      </button>
    </fieldset>
  )
}
