import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { headerKey, withoutBracketNotes } from '../../../../core/import/column-mapping'
import { guessMapping } from '../../../../core/import/plan-columns'
import { readPlanBytes } from '../../../../core/import/read-plan-file'
import { utf8 } from './plan-files'

// Headers are untrusted text: every scan of them must take time in proportion to their length.
// The regular expression this replaced took minutes on 100,000 "(" (a closing bracket was sought from each one).

const hostileRuns = {
  'a run of (': '('.repeat(100_000),
  'a run of ([{': '([{'.repeat(33_334),
  'a run of ( then text': `${'('.repeat(50_000)}${'a'.repeat(50_000)}`,
  'a run of ( with line breaks': '(\n'.repeat(50_000),
  'brackets that each close': '(a)'.repeat(33_334),
  'a run of ( closed once at the end': `${'('.repeat(100_000)})`,
}

const timed = <T>(work: () => T): { value: T; millis: number } => {
  const startedAt = performance.now()
  const value = work()
  return { value, millis: performance.now() - startedAt }
}

describe('header matching takes linear time', () => {
  test.each(Object.entries(hostileRuns))('headerKey of %s (100,000 characters) takes milliseconds', (_, header) => {
    const { millis } = timed(() => headerKey(header))
    // Linear: a few ms here. The old pattern needed about n²/2 = 5·10⁹ steps; 200 ms leaves room for a loaded machine.
    expect(millis).toBeLessThan(200)
  })

  test('doubling the header at most about doubles the time (no quadratic growth)', () => {
    const measure = (n: number) => {
      const header = '('.repeat(n)
      // The fastest of five runs, so a pause of the machine does not count.
      return Math.min(...Array.from({ length: 5 }, () => timed(() => headerKey(header)).millis))
    }
    measure(50_000)
    const small = measure(200_000)
    const large = measure(800_000)
    // Quadratic growth would be 16×; linear is 4×. 10× leaves room for noise in either direction.
    expect(large / Math.max(small, 0.05)).toBeLessThan(10)
  })

  test('guessMapping over 200 hostile headers takes milliseconds', () => {
    const headers = Array.from({ length: 200 }, (_, index) => (index === 3 ? 'Title' : '('.repeat(5_000)))
    const { value, millis } = timed(() => guessMapping(headers))
    expect(value.title).toBe(3)
    expect(millis).toBeLessThan(500)
  })

  test('withoutBracketNotes does what /[([{].*?[)\\]}]/g did, on any text', () => {
    const alphabet = fc.constantFrom('(', ')', '[', ']', '{', '}', 'a', ' ', '\n', '\r', '\u2028', 'é')
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
        const text = chars.join('')
        expect(withoutBracketNotes(text)).toBe(text.replace(/[([{].*?[)\]}]/g, ' '))
      }),
      { numRuns: 2000 },
    )
  })

  test('a CSV whose header is 100,000 "(" reads, is guessed and checked in well under a second', async () => {
    const text = `${'('.repeat(100_000)},Case ID,Title\r\n,TC-1,Turn on\r\n`
    const { value, millis } = await (async () => {
      const startedAt = performance.now()
      const read = await readPlanBytes({ name: 'parens.csv', bytes: utf8(text) })
      return { value: read, millis: performance.now() - startedAt }
    })()
    if (!value.ok) throw new Error(value.message)
    expect(value.guessed).toMatchObject({ caseId: 1, title: 2 })
    expect(value.check.problems).toEqual([])
    expect(millis).toBeLessThan(1000)
  })
})
