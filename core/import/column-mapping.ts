import { listInWords } from '../text/list'
import type { RowProblem } from './row-problem'

/**
 * What one kind of file imports (a plan's cases, a listing file's captures): its fields, their labels, and the
 * header texts each is recognised by. Headers are compared as headerKey() has them; each field's names are in order
 * of preference (a field takes the column of its earliest name).
 */
export type ColumnVocabulary<F extends string> = {
  readonly fields: readonly F[]
  readonly labels: Readonly<Record<F, string>>
  readonly synonyms: Readonly<Record<F, readonly string[]>>
  /** Fields that identify a row: a header naming all of them scores one more, and each must have a column. */
  readonly keyFields: readonly F[]
}

/** Which column (an index into the headers) each field is read from; null when none. */
export type Mapping<F extends string> = Record<F, number | null>

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

/**
 * A first mapping from the header texts: each field takes the column whose header is
 * its most usual name ("Title" before "Name"), then, for fields still without one, the
 * first free column whose header starts with such a name. A column serves one field.
 */
export function guessColumns<F extends string>(
  vocabulary: ColumnVocabulary<F>,
  headers: readonly string[],
): Mapping<F> {
  const keys = headers.map(headerKey)
  const mapping = Object.fromEntries(vocabulary.fields.map((field) => [field, null])) as Mapping<F>
  const used = new Set<number>()
  const assign = (matches: (key: string, name: string) => boolean) => {
    for (const field of vocabulary.fields) {
      if (mapping[field] !== null) continue
      for (const name of vocabulary.synonyms[field]) {
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

/** Cells of a row looked at for a header: a header has its fields long before this column. */
export const scoredHeaderCells = 512
// Longer text is a sentence of instructions, not a column header; it is not even keyed.
const longestHeader = 200
// A prefix counts only on a short key: "Instructions for the tester: …" must not read as a Steps header.
const longestPrefixKey = 40

/**
 * How much a row looks like the header of this kind of file: the number of fields its
 * cells name (exactly, or a short cell starting with a longer name), plus one when all
 * key fields are named. 0 for a row that names none. Looks at the first
 * scoredHeaderCells cells, and keys only cells of at most 200 characters, so its
 * time grows with the row's length and nothing else.
 */
export function headerScorer<F extends string>(vocabulary: ColumnVocabulary<F>): (cells: readonly string[]) => number {
  const exactNames = new Map<string, F>()
  for (const field of vocabulary.fields)
    for (const name of vocabulary.synonyms[field]) if (!exactNames.has(name)) exactNames.set(name, field)
  const prefixNames = vocabulary.fields.flatMap((field) =>
    vocabulary.synonyms[field].filter((name) => name.length >= 5).map((name) => ({ field, name })),
  )
  return (cells) => {
    const found = new Set<F>()
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
    return found.size + (vocabulary.keyFields.every((field) => found.has(field)) ? 1 : 0)
  }
}

/** The column a field is read from: the mapping's, when it names one of the table's columns; else null. */
export function mappedColumn<F extends string>(
  headers: readonly string[],
  mapping: Mapping<F>,
  field: F,
): number | null {
  const index = mapping[field]
  return index !== null && Number.isInteger(index) && index >= 0 && index < headers.length ? index : null
}

/** What a field's problems are reported under: its column's header, or the field's label when it has none. */
export function columnTitle<F extends string>(
  vocabulary: Pick<ColumnVocabulary<F>, 'labels'>,
  headers: readonly string[],
  mapping: Mapping<F>,
  field: F,
): string {
  const index = mappedColumn(headers, mapping, field)
  const header = index === null ? '' : (headers[index] ?? '')
  return header !== '' ? header : vocabulary.labels[field]
}

/**
 * What is wrong with a mapping before any row is read, on the header row: a field every row needs with no column
 * (in the kind's words, `unmapped`), and two or more fields read from one column.
 */
export function mappingProblems<F extends string>(
  vocabulary: Pick<ColumnVocabulary<F>, 'fields' | 'labels'>,
  table: { readonly headerRow: number; readonly headers: readonly string[] },
  mapping: Mapping<F>,
  needed: { readonly fields: readonly F[]; readonly unmapped: (field: F) => string },
): RowProblem[] {
  const problems: RowProblem[] = []
  for (const field of needed.fields)
    if (mappedColumn(table.headers, mapping, field) === null)
      problems.push({ row: table.headerRow, column: vocabulary.labels[field], message: needed.unmapped(field) })
  const fieldsOf = new Map<number, F[]>()
  for (const field of vocabulary.fields) {
    const index = mappedColumn(table.headers, mapping, field)
    if (index !== null) fieldsOf.set(index, [...(fieldsOf.get(index) ?? []), field])
  }
  for (const fields of fieldsOf.values()) {
    const [first, ...others] = fields
    if (first === undefined || others.length === 0) continue
    const names = fields.map((field) => vocabulary.labels[field])
    problems.push({
      row: table.headerRow,
      column: columnTitle(vocabulary, table.headers, mapping, first),
      message:
        names.length === 2
          ? `${listInWords(names)} are both read from this column. Choose a different column for one of them.`
          : `${listInWords(names)} are all read from this column. Choose a different column for all but one of them.`,
    })
  }
  return problems
}
