import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { z } from 'zod'
import { checkLabels, type Finding, type Outcome } from '../core/rules/comparison/finding'
import { compareText, TextListing, TextProduct } from '../core/rules/comparison/compare-text'
import { defaultComparisonSettings } from '../core/rules/comparison/settings'
import { listingStatuses } from '../core/model/listing-snapshot'
import type { Output } from './output'

/** sysexits(3): what a script can tell apart without reading the message. */
export const exitCodes = { pass: 0, 'needs-review': 1, fail: 2, usage: 64, badData: 65, noInput: 66 } as const

export const compareListingUsage = `Usage: wwa-lab compare-listing --product FILE --listing FILE [--json]

Runs the text checks of the listing comparison (brand, model number, device type, hub, listing status) on two
JSON files, with the app's default thresholds. See docs/listing-comparison.md for the shapes.

  product file  {"brand", "modelNumber", "deviceType"?, "hubAsin"?}
  listing file  {"brand", "modelNumber", "deviceType"?, "status", "hubAsin"?}
                status: ${listingStatuses.join(' | ')}

Exit status: 0 pass, 1 needs review, 2 fail, 64 wrong usage, 65 a file is not valid, 66 a file cannot be read.
`

// A comparison file is a few hundred bytes; anything near this is not one.
const maxFileBytes = 1024 * 1024

class BadInput extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message)
  }
}

const describeIssue = (file: string, issue: z.core.$ZodIssue): string => {
  const key = issue.path.length > 0 ? `"${issue.path.join('.')}"` : 'the file'
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${file} has ${issue.keys.map((k) => `"${k}"`).join(', ')}, which this file does not take (a misspelt key?).`
    case 'invalid_type':
      return issue.input === undefined
        ? `${file} has no ${key}.`
        : `${file}: ${key} must be ${issue.expected === 'object' ? 'a JSON object' : `a ${issue.expected}`}.`
    case 'invalid_value':
      return `${file}: ${key} must be one of ${issue.values.join(', ')}; it is ${JSON.stringify(issue.input)}.`
    case 'too_big':
      return `${file}: ${key} is longer than ${String(issue.maximum)} characters.`
    default:
      return `${file}: ${key}: ${issue.message.replace(/\.$/, '')}.`
  }
}

async function readShape<T>(path: string, schema: z.ZodType<T>): Promise<T> {
  const file = basename(path)
  let bytes: Buffer
  try {
    const info = await stat(path)
    if (!info.isFile()) throw new BadInput(`${path} is not a file.`, exitCodes.noInput)
    if (info.size > maxFileBytes)
      throw new BadInput(`${file} is ${info.size} bytes; a comparison file is at most 1 MB.`, exitCodes.badData)
    bytes = await readFile(path)
  } catch (error) {
    if (error instanceof BadInput) throw error
    const code = (error as NodeJS.ErrnoException).code
    throw new BadInput(
      code === 'ENOENT' ? `${path} does not exist.` : `${path} cannot be read (${code ?? 'error'}).`,
      exitCodes.noInput,
    )
  }
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes))
  } catch (error) {
    const why = error instanceof TypeError ? 'it is not UTF-8 text' : (error as Error).message
    throw new BadInput(`${file} is not valid JSON: ${why}.`, exitCodes.badData)
  }
  const parsed = schema.safeParse(value, { reportInput: true })
  if (!parsed.success)
    throw new BadInput(parsed.error.issues.map((i) => describeIssue(file, i)).join('\n'), exitCodes.badData)
  return parsed.data
}

const outcomeWords: Readonly<Record<Outcome, string>> = {
  pass: 'pass',
  'needs-review': 'needs review',
  fail: 'FAIL',
  'not-applicable': 'n/a',
}

const asText = (verdict: keyof typeof outcomeWords, findings: readonly Finding[]): string => {
  const width = Math.max(...findings.map((f) => checkLabels[f.check].length))
  const lines = findings.map(
    (f) => `${checkLabels[f.check].padEnd(width)}  ${outcomeWords[f.outcome].padEnd(12)}  ${f.reason}`,
  )
  return `${lines.join('\n')}\n\nVerdict: ${outcomeWords[verdict]}\n`
}

/** `wwa-lab compare-listing`: returns the exit code. */
export async function compareListingCommand(
  options: { product?: string; listing?: string; json?: boolean },
  io: { out: Output; err: Output },
): Promise<number> {
  if (!options.product || !options.listing) {
    const missing = [!options.product && '--product', !options.listing && '--listing'].filter(Boolean).join(' and ')
    io.err.write(`wwa-lab compare-listing: ${missing} ${missing.includes(' and ') ? 'are' : 'is'} missing.\n\n`)
    io.err.write(compareListingUsage)
    return exitCodes.usage
  }
  let product: TextProduct
  let listing: TextListing
  try {
    product = await readShape(options.product, TextProduct)
    listing = await readShape(options.listing, TextListing)
  } catch (error) {
    if (!(error instanceof BadInput)) throw error
    io.err.write(`wwa-lab compare-listing: ${error.message}\n`)
    return error.code
  }
  const { verdict, findings } = compareText(product, listing, defaultComparisonSettings)
  if (options.json) {
    // The documented names: the app's "listing-status" is "status" here.
    const shown = findings.map((f) => ({
      check: f.check === 'listing-status' ? 'status' : f.check,
      finding: f.outcome,
      reason: f.reason,
    }))
    io.out.write(`${JSON.stringify({ verdict, findings: shown })}\n`)
  } else io.out.write(asText(verdict, findings))
  return exitCodes[verdict]
}
