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
// "#" reads as "no", so "TC #" is "tcno". English, then German (Excel keeps "ä"; some
// labs write "ae"). Each list is in order of preference: a field takes the column of
// its earliest name, so "Beschreibung" (description) is a title only when no column
// is called "Testfall" or "Titel", and steps otherwise.
const synonyms: Readonly<Record<PlanField, readonly string[]>> = {
  caseId: [
    'caseid',
    'id',
    'testid',
    'tc',
    'tcid',
    'tcno',
    'tcnr',
    'testcaseid',
    'testcaseno',
    'testcasenumber',
    'caseno',
    'casenumber',
    'testno',
    'testnumber',
    'no',
    'ref',
    'nr',
    'nummer',
    'lfdnr',
    'testnr',
    'testnummer',
    'testfallid',
    'testfallnr',
    'testfallnummer',
    'fallnr',
    'kennung',
  ],
  title: [
    'title',
    'name',
    'testcase',
    'testname',
    'casename',
    'testcasename',
    'casetitle',
    'testtitle',
    'summary',
    'testfall',
    'titel',
    'testfallname',
    'testfalltitel',
    'bezeichnung',
    'testbezeichnung',
    'kurzbeschreibung',
    'description',
    'testdescription',
    'beschreibung',
    'testbeschreibung',
  ],
  category: [
    'category',
    'capability',
    'interface',
    'alexainterface',
    'capabilityinterface',
    'group',
    'area',
    'feature',
    'module',
    'component',
    'kategorie',
    'gruppe',
    'bereich',
    'funktion',
    'fähigkeit',
    'faehigkeit',
    'schnittstelle',
    'modul',
    'komponente',
    'testkategorie',
    'testbereich',
  ],
  steps: [
    'steps',
    'procedure',
    'teststeps',
    'testprocedure',
    'instructions',
    'step',
    'actions',
    'action',
    'schritte',
    'testschritte',
    'ablauf',
    'testablauf',
    'vorgehen',
    'vorgehensweise',
    'durchführung',
    'durchfuehrung',
    'testdurchführung',
    'testdurchfuehrung',
    'anleitung',
    'aktion',
    'description',
    'testdescription',
    'beschreibung',
    'testbeschreibung',
  ],
  expected: [
    'expected',
    'expectedresult',
    'expectedresults',
    'expectedoutcome',
    'expectedbehavior',
    'expectedbehaviour',
    'passcriteria',
    'passfailcriteria',
    'acceptancecriteria',
    'successcriteria',
    'erwartetesergebnis',
    'erwarteteergebnisse',
    'erwartet',
    'erwartung',
    'erwartetesverhalten',
    'sollergebnis',
    'sollverhalten',
    'soll',
    'akzeptanzkriterien',
    'akzeptanzkriterium',
    'abnahmekriterien',
    'bestandenwenn',
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
    'must',
    'mustpass',
    'pflicht',
    'pflichtoptional',
    'pflichttest',
    'verpflichtend',
    'erforderlich',
    'obligatorisch',
    'muss',
    'mussoptional',
    'musskann',
    'kann',
  ],
}

// A column headed "Optional" says yes for optional cases: its values mean the opposite of "Required".
const invertedRequired = new Set(['optional', 'isoptional', 'opt', 'kann'])

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

/** Cells of a row looked at for a header: a plan's header has its fields long before this column. */
export const scoredHeaderCells = 512
// Longer text is a sentence of instructions, not a column header; it is not even keyed.
const longestHeader = 200
// A prefix counts only on a short key: "Instructions for the tester: …" must not read as a Steps header.
const longestPrefixKey = 40

const exactNames = new Map<string, PlanField>()
for (const field of planFields)
  for (const name of synonyms[field]) if (!exactNames.has(name)) exactNames.set(name, field)
const prefixNames = planFields.flatMap((field) =>
  synonyms[field].filter((name) => name.length >= 5).map((name) => ({ field, name })),
)

/**
 * How much a row looks like a plan's header: the number of plan fields its cells
 * name (exactly, or a short cell starting with a longer name), plus one when both a
 * case ID and a title are named. 0 for a row that names none. Looks at the first
 * scoredHeaderCells cells, and keys only cells of at most 200 characters, so its
 * time grows with the row's length and nothing else.
 */
export function headerScore(cells: readonly string[]): number {
  const found = new Set<PlanField>()
  const end = Math.min(cells.length, scoredHeaderCells)
  for (let at = 0; at < end; at++) {
    const text = cells[at] ?? ''
    if (text === '' || text.length > longestHeader) continue
    const key = headerKey(text)
    if (key === '') continue
    const exact = exactNames.get(key)
    if (exact !== undefined) {
      found.add(exact)
      continue
    }
    if (key.length > longestPrefixKey) continue
    const prefix = prefixNames.find(({ name }) => key.startsWith(name))
    if (prefix !== undefined) found.add(prefix.field)
  }
  return found.size + (found.has('caseId') && found.has('title') ? 1 : 0)
}
