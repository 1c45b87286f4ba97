export const planFields = ['caseId', 'title', 'category', 'steps', 'expected', 'required'] as const
export type PlanField = (typeof planFields)[number]

/** Field names as the plan editor and TestCase's messages spell them. */
export const planFieldLabels: Readonly<Record<PlanField, string>> = {
  caseId: 'Case ID',
  title: 'Title',
  category: 'Category or capability',
  steps: 'Steps',
  expected: 'Expected result',
  required: 'Required',
}

/** Which column (an index into the headers) each plan field is read from; null when none. */
export type ColumnMapping = Record<PlanField, number | null>

// Headers compared without case, spaces or punctuation, and without a trailing
// note in brackets: "Expected result (pass criteria)" reads as "expectedresult".
const synonyms: Readonly<Record<PlanField, readonly string[]>> = {
  caseId: ['caseid', 'id', 'testid', 'tc', 'tcid', 'testcaseid', 'caseno', 'casenumber', 'testno', 'testnumber', 'no'],
  title: ['title', 'name', 'testcase', 'testname', 'casename', 'testcasename', 'casetitle', 'testtitle', 'summary'],
  category: [
    'category',
    'capability',
    'interface',
    'alexainterface',
    'capabilityinterface',
    'group',
    'area',
    'feature',
  ],
  steps: ['steps', 'procedure', 'teststeps', 'testprocedure', 'instructions', 'step'],
  expected: [
    'expected',
    'expectedresult',
    'expectedresults',
    'expectedoutcome',
    'expectedbehavior',
    'expectedbehaviour',
    'passcriteria',
  ],
  required: [
    'required',
    'mandatory',
    'optional',
    'requiredoptional',
    'mandatoryoptional',
    'isrequired',
    'ismandatory',
    'isoptional',
    'req',
    'opt',
  ],
}

// A column headed "Optional" says yes for optional cases: its values mean the opposite of "Required".
const invertedRequired = new Set(['optional', 'isoptional', 'opt'])

/**
 * A header as it is compared: lower case, letters and digits only, without a bracketed
 * note. Linear in the header's length, whatever it holds: headers are untrusted text.
 */
export function headerKey(header: string): string {
  return (
    withoutBracketNotes(header.normalize('NFKC'))
      .toLowerCase()
      // "Case #" and "#" are ways of writing "Case no." and "No.".
      .replaceAll('#', 'no')
      .replace(/[^\p{L}\p{N}]+/gu, '')
  )
}

const openers = new Set(['(', '[', '{'])
const closers = new Set([')', ']', '}'])
const lineEnds = new Set(['\n', '\r', '\u2028', '\u2029'])

/**
 * Each bracket with a closing bracket later on its line is replaced, with all up to the
 * first such closing bracket, by a space; other text stays. This is what
 * /[([{].*?[)\]}]/g does, in one pass from the right and one from the left: on a long
 * run of "(" that regular expression looks for a closing bracket from every one of them.
 */
export function withoutBracketNotes(text: string): string {
  const nextCloser = new Int32Array(text.length + 1).fill(-1)
  for (let at = text.length - 1; at >= 0; at--) {
    const char = text[at]!
    nextCloser[at] = closers.has(char) ? at : lineEnds.has(char) ? -1 : nextCloser[at + 1]!
  }
  let kept = ''
  let from = 0
  let at = 0
  while (at < text.length) {
    const close = openers.has(text[at]!) ? nextCloser[at + 1]! : -1
    if (close === -1) {
      at++
      continue
    }
    kept += `${text.slice(from, at)} `
    at = close + 1
    from = at
  }
  return kept + text.slice(from)
}

/** True when a column with this header marks optional cases (so "yes" means not required). */
export function isOptionalColumn(header: string): boolean {
  return invertedRequired.has(headerKey(header))
}

/**
 * A first mapping from the header texts: each field takes the column whose header is
 * its most usual name ("Title" before "Name"), then, for fields still without one, the
 * first free column whose header starts with such a name. A column serves one field.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const keys = headers.map(headerKey)
  const mapping: ColumnMapping = {
    caseId: null,
    title: null,
    category: null,
    steps: null,
    expected: null,
    required: null,
  }
  const used = new Set<number>()
  const assign = (matches: (key: string, name: string) => boolean) => {
    for (const field of planFields) {
      if (mapping[field] !== null) continue
      for (const name of synonyms[field]) {
        const index = keys.findIndex((key, at) => !used.has(at) && key !== '' && matches(key, name))
        if (index === -1) continue
        mapping[field] = index
        used.add(index)
        break
      }
    }
  }
  assign((key, name) => key === name)
  // Prefixes only for names long enough not to catch unrelated headers ("tc" would catch "tcp port").
  assign((key, name) => name.length >= 5 && key.startsWith(name))
  return mapping
}
