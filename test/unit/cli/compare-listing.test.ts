import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../../cli/wwa-lab'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'compare-listing-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

const file = async (name: string, content: unknown) => {
  const path = join(dir, name)
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}

const run = async (...argv: string[]) => {
  let out = ''
  let err = ''
  const code = await main(argv, {
    out: { write: (t: string) => (out += t) },
    err: { write: (t: string) => (err += t) },
  })
  return { code, out, err }
}

const product = { brand: 'Acme', modelNumber: 'SP-100', deviceType: 'Smart Plug', hubAsin: 'B0HUB00001' }
const listing = {
  brand: 'Acme',
  modelNumber: 'SP-100',
  deviceType: 'Smart Plug',
  status: 'available',
  hubAsin: 'B0HUB00001',
}

const compare = async (p: unknown, l: unknown, ...extra: string[]) =>
  run('compare-listing', '--product', await file('p.json', p), '--listing', await file('l.json', l), ...extra)

describe('wwa-lab compare-listing', () => {
  it('passes a listing that matches, exit 0, with one object on --json', async () => {
    const result = await compare(product, listing, '--json')
    expect(result.code).toBe(0)
    expect(result.err).toBe('')
    const output = JSON.parse(result.out)
    expect(Object.keys(output)).toEqual(['verdict', 'findings'])
    expect(output.verdict).toBe('pass')
    expect(output.findings.map((f: { check: string }) => f.check)).toEqual([
      'brand',
      'model-number',
      'device-type',
      'hub',
      'status',
    ])
    for (const f of output.findings) {
      expect(Object.keys(f)).toEqual(['check', 'finding', 'reason'])
      expect(f.finding).toBe('pass')
    }
  })

  it('needs review for a model number that differs by a hyphen (exit 1), and says which characters', async () => {
    const result = await compare(product, { ...listing, modelNumber: 'SP100' }, '--json')
    expect(result.code).toBe(1)
    const output = JSON.parse(result.out)
    expect(output.verdict).toBe('needs-review')
    const model = output.findings.find((f: { check: string }) => f.check === 'model-number')
    expect(model.finding).toBe('needs-review')
    expect(model.reason).toMatch(/-/)
  })

  it('fails a suppressed listing, another hub or another brand (exit 2): the verdict is the worst finding', async () => {
    for (const [changed, check] of [
      [{ status: 'suppressed' }, 'status'],
      [{ hubAsin: 'B0OTHER001' }, 'hub'],
      [{ hubAsin: undefined }, 'hub'],
      [{ brand: 'Globex' }, 'brand'],
    ] as const) {
      const result = await compare(product, { ...listing, ...changed, modelNumber: 'SP100' }, '--json')
      expect(result.code, JSON.stringify(changed)).toBe(2)
      const output = JSON.parse(result.out)
      expect(output.verdict).toBe('fail')
      expect(output.findings.find((f: { check: string }) => f.check === check).finding).toBe('fail')
    }
  })

  it('takes a case-only brand difference as a pass, and leaves device type and hub out when neither names one', async () => {
    const result = await compare(
      { brand: 'ACME™', modelNumber: 'X1' },
      { brand: 'acme', modelNumber: 'X1', status: 'available' },
      '--json',
    )
    expect(result.code).toBe(0)
    const findings = JSON.parse(result.out).findings as { check: string; finding: string }[]
    expect(Object.fromEntries(findings.map((f) => [f.check, f.finding]))).toEqual({
      brand: 'pass',
      'model-number': 'pass',
      'device-type': 'not-applicable',
      hub: 'not-applicable',
      status: 'pass',
    })
  })

  it('prints a table for people without --json', async () => {
    const result = await compare(product, { ...listing, brand: 'acme', status: 'unavailable' })
    expect(result.code).toBe(2)
    expect(result.out).toMatch(/^Brand +pass +The listing’s brand “acme” is the product’s “Acme”/m)
    expect(result.out).toMatch(/^Listing status +FAIL +The page shows the listing unavailable/m)
    expect(result.out).toMatch(/\nVerdict: FAIL\n$/)
  })

  it('says what is wrong with a file and exits 65: bad JSON, a missing or misspelt key, an unknown status', async () => {
    const cases: [unknown, RegExp][] = [
      ['{"brand": "Acme",', /l\.json is not valid JSON/],
      [{ brand: 'Acme', status: 'available' }, /l\.json has no "modelNumber"\./],
      [{ ...listing, modelnumber: 'x' }, /l\.json has "modelnumber", which this file does not take/],
      [
        { ...listing, status: 'gone' },
        /"status" must be one of available, unavailable, not-valid, suppressed; it is "gone"/,
      ],
      [[listing], /l\.json: the file must be a JSON object/],
      [{ ...listing, brand: 7 }, /"brand" must be a string/],
      [
        { ...listing, hubAsin: 'not an asin' },
        /l\.json: "hubAsin": An ASIN has only letters and digits; this one also contains spaces\.\n/,
      ],
    ]
    for (const [content, message] of cases) {
      const result = await compare(product, content)
      expect(result.code, String(message)).toBe(65)
      expect(result.out).toBe('')
      expect(result.err).toMatch(message)
      expect(result.err).not.toMatch(/at .*\.ts:\d+/)
    }
    const notUtf8 = await run(
      'compare-listing',
      '--product',
      await file('p.json', product),
      '--listing',
      await file('bin.json', '\u0000'),
    )
    expect(notUtf8.code).toBe(65)
  })

  it('exits 66 for a file that does not exist, and 64 for wrong usage', async () => {
    const missing = await run(
      'compare-listing',
      '--product',
      join(dir, 'nope.json'),
      '--listing',
      join(dir, 'nope.json'),
    )
    expect(missing).toMatchObject({ code: 66, out: '' })
    expect(missing.err).toContain('nope.json does not exist.')
    const noListing = await run('compare-listing', '--product', await file('p.json', product))
    expect(noListing.code).toBe(64)
    expect(noListing.err).toMatch(/--listing is missing\.[\s\S]*Usage: wwa-lab compare-listing/)
    const unknown = await run('compare-listing', '--prodct', 'x')
    expect(unknown.code).toBe(64)
    expect(unknown.err).toContain("Unknown option '--prodct'")
    expect((await run('compare-listing', '--help')).out).toMatch(/^Usage: wwa-lab compare-listing/)
  })
})
