import type { CapturedEndpoint } from '../../../core/model/discovery-capture'
import type { BrandComparison } from '../../../core/rules/brand'
import { endpointFindings, type ModelComparison } from '../../../core/rules/unit-discovery'

type Props = {
  readonly endpoints: readonly CapturedEndpoint[]
  readonly product: { readonly brand: string; readonly modelNumber: string } | undefined
}

/** One line per endpoint: what Alexa shows, what the device reports, and how each compares with the product. */
export function DiscoveryEndpoints({ endpoints, product }: Props) {
  return (
    <>
      <p className="muted">
        {product
          ? `Compared with the product's brand “${product.brand}” and model number “${product.modelNumber}”.`
          : 'Choose the product to compare the manufacturer and model with its brand and model number.'}
      </p>
      <div className="discovery-endpoints" role="region" aria-label="Endpoints" tabIndex={0}>
        <table aria-label="Endpoints in the newest discovery response">
          <thead>
            <tr>
              <th scope="col">Endpoint</th>
              <th scope="col">Shown in Alexa (manufacturerName)</th>
              <th scope="col">Reported manufacturer (additionalAttributes.manufacturer)</th>
              <th scope="col">Reported model (additionalAttributes.model)</th>
            </tr>
          </thead>
          <tbody>
            {endpoints.map((endpoint, index) => {
              const findings = product ? endpointFindings(endpoint, product) : undefined
              return (
                <tr key={`${index}-${endpoint.endpointId ?? ''}`}>
                  <th scope="row">
                    {endpoint.friendlyName ?? `Endpoint ${index + 1}`}
                    {endpoint.endpointId ? <span className="muted endpoint-id">{endpoint.endpointId}</span> : null}
                  </th>
                  <td>
                    <Reported value={endpoint.manufacturerName} finding={findings?.manufacturerName} what="Brand" />
                  </td>
                  <td>
                    <Reported value={endpoint.manufacturer} finding={findings?.manufacturer} what="Brand" />
                  </td>
                  <td>
                    <Reported value={endpoint.model} finding={findings?.model} what="Model" />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </>
  )
}

function Reported({
  value,
  finding,
  what,
}: {
  readonly value: string | null
  readonly finding: BrandComparison | ModelComparison | undefined
  readonly what: 'Brand' | 'Model'
}) {
  const pass = finding?.verdict === 'pass'
  return (
    <>
      <span className="reported">{value ?? 'not reported'}</span>
      {finding ? (
        <span className="finding">
          <span className={`verdict ${pass ? 'status-good' : 'status-bad'}`}>
            {`${what}: ${pass ? 'pass' : 'mismatch'}`}
          </span>{' '}
          <span className="muted">{finding.message}</span>
        </span>
      ) : null}
    </>
  )
}
