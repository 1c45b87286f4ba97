import { clip } from '../text/clip'

/** Compares the model a device reports in Alexa discovery with the product's model number: equal after trimming passes. */
export function compareDiscoveryModel(
  discovered: string,
  productModel: string,
): { readonly verdict: 'pass' | 'mismatch'; readonly message: string } {
  const reported = discovered.trim()
  const requested = productModel.trim()
  if (reported === requested) {
    return {
      verdict: 'pass',
      message: `The device reports model "${quote(reported)}" in discovery, as the certification request names it.`,
    }
  }
  if (reported === '') {
    return {
      verdict: 'mismatch',
      message: `The device reports no model in discovery; the certification request names "${quote(requested)}".`,
    }
  }
  const base = `The device reports model "${quote(reported)}" in discovery, but the certification request names "${quote(requested)}".`
  // The rule asks for the same model number, so a near miss still fails; saying how near helps the maker fix the right side.
  if (reported.toLowerCase() === requested.toLowerCase())
    return { verdict: 'mismatch', message: `${base} They differ only in capital letters.` }
  if (squeeze(reported) === squeeze(requested)) {
    return { verdict: 'mismatch', message: `${base} They differ only in spaces or punctuation.` }
  }
  return { verdict: 'mismatch', message: base }
}

function squeeze(model: string): string {
  return model.toLowerCase().replace(/[\s\-._/]/g, '')
}

/** Keeps quoted model numbers short enough for a message beside a form field. */
function quote(text: string): string {
  return clip(text, 80)
}
