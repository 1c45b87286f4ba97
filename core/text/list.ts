/**
 * Items as a person lists them in a sentence: "A", "A and B", "A, B and C". Past
 * `max` items the rest are counted instead: "A, B, C and 2 more", or whatever
 * `more` says for them ("other symbols").
 */
export function listInWords(
  items: readonly string[],
  options: { readonly max?: number; readonly more?: (rest: number) => string } = {},
): string {
  const { max = Number.POSITIVE_INFINITY, more = (rest: number) => `${rest} more` } = options
  if (items.length <= 1) return items.join('')
  if (items.length <= max) return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`
  return `${items.slice(0, max).join(', ')} and ${more(items.length - max)}`
}
