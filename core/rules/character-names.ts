import { listInWords } from '../text/list'

/** Names one character for a message; invisible ones by code point, so a tester can find a zero-width mark pasted in. */
export function characterName(ch: string, spaceName = 'spaces'): string {
  if (/^\s$/u.test(ch)) return spaceName
  if (/^[\p{Cc}\p{Cf}]$/u.test(ch))
    return `an invisible character (U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`
  return `"${ch}"`
}

/** Names, for a message, the distinct characters of `text` that `allowed` refuses: '"-", "/" and spaces'. */
export function strayCharacters(text: string, allowed: RegExp): string {
  const names: string[] = []
  for (const ch of text) {
    if (allowed.test(ch)) continue
    const name = characterName(ch)
    if (!names.includes(name)) names.push(name)
    if (names.length > 3) break
  }
  return listInWords(names, { max: 3, more: () => 'other symbols' })
}
