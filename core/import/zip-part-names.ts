import type { ZipPart } from './zip-directory'

// Names that mean something to a JavaScript object: a part called "__proto__" stored
// under its name in a plain object would replace that object's prototype. No Office
// file has such a part, so one is refused rather than stored safely.
const reservedSegments = new Set(['__proto__', 'constructor', 'prototype'])

/** The reserved word ("__proto__", "constructor", "prototype") a part name holds as one of its path segments, if any. */
export function reservedSegmentOf(name: string): string | undefined {
  // Case and both slashes: the spreadsheet library compares part names without case and reads "\" as "/".
  return name
    .split(/[/\\]/)
    .map((segment) => segment.toLowerCase())
    .find((segment) => reservedSegments.has(segment))
}

export type PartNameProblem =
  | { readonly kind: 'reserved'; readonly name: string; readonly segment: string }
  | { readonly kind: 'duplicate'; readonly name: string }

/** The first part whose name is reserved, or that a second part repeats (an unzipper keeps one of them, unsaid). */
export function partNameProblem(parts: readonly ZipPart[]): PartNameProblem | undefined {
  const seen = new Set<string>()
  for (const { name } of parts) {
    const segment = reservedSegmentOf(name)
    if (segment !== undefined) return { kind: 'reserved', name, segment }
    const key = name.toLowerCase()
    if (seen.has(key)) return { kind: 'duplicate', name }
    seen.add(key)
  }
  return undefined
}
