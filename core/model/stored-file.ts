import { z } from 'zod'
import { Id, Instant } from './fields'

/** What the app knows of a stored photo or file; the bytes live beside it as a Blob. */
export const StoredFileMeta = z.object({
  id: Id,
  name: z.string().min(1).max(255),
  mime: z.string().min(1).max(100),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Expected a SHA-256 as 64 lowercase hex digits.'),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  createdAt: Instant,
})
export type StoredFileMeta = z.infer<typeof StoredFileMeta>

/** Largest photo the app stores; larger files are refused with a message. */
export const maxPhotoBytes = 40 * 1024 * 1024
