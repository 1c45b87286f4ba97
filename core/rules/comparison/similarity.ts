/**
 * Jaro-Winkler similarity of two strings, 0 (nothing alike) to 1 (equal), by
 * code point: the Jaro figure raised for a shared prefix of up to four
 * characters (scaling 0.1). Symmetric; 1 exactly when the strings are equal.
 */
export function jaroWinkler(a: string, b: string): number {
  const s = [...a]
  const t = [...b]
  if (s.length === 0 && t.length === 0) return 1
  if (s.length === 0 || t.length === 0) return 0
  const window = Math.max(0, Math.floor(Math.max(s.length, t.length) / 2) - 1)
  const sMatched = new Array<boolean>(s.length).fill(false)
  const tMatched = new Array<boolean>(t.length).fill(false)
  let matches = 0
  for (let i = 0; i < s.length; i++) {
    const from = Math.max(0, i - window)
    const to = Math.min(t.length - 1, i + window)
    for (let j = from; j <= to; j++) {
      if (tMatched[j] || s[i] !== t[j]) continue
      sMatched[i] = true
      tMatched[j] = true
      matches++
      break
    }
  }
  if (matches === 0) return 0
  let transpositions = 0
  let k = 0
  for (let i = 0; i < s.length; i++) {
    if (!sMatched[i]) continue
    while (!tMatched[k]) k++
    if (s[i] !== t[k]) transpositions++
    k++
  }
  const jaro = (matches / s.length + matches / t.length + (matches - transpositions / 2) / matches) / 3
  let prefix = 0
  while (prefix < 4 && prefix < s.length && prefix < t.length && s[prefix] === t[prefix]) prefix++
  // Rounded so that equal inputs give exactly 1 and the figure reads the same in both directions.
  return Math.min(1, Math.round((jaro + prefix * 0.1 * (1 - jaro)) * 1e9) / 1e9)
}
