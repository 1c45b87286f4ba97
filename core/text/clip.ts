/** The text cut to `max` characters with "…" after, when it is longer: short enough for one line of a message or a cell. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}
