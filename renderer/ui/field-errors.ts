import type { z } from 'zod'

/** Field path ("asins.0.asin") to the first message the schema gave for it. */
export type FieldErrors = ReadonlyMap<string, string>

export const pathKey = (path: readonly PropertyKey[]) => path.map(String).join('.')

export function fieldErrors(error: z.ZodError | undefined): FieldErrors {
  const errors = new Map<string, string>()
  for (const issue of error?.issues ?? []) {
    const key = pathKey(issue.path)
    if (!errors.has(key)) errors.set(key, issue.message)
  }
  return errors
}
