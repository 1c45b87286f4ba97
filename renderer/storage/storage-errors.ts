// Transitional: the file intake still reports thrown storage errors this way; storage-problems.ts replaces it.
import { describeProblem } from '../../core/outcome'
import { storageProblem } from './storage-problems'

export const describeStorageError = (error: unknown): string =>
  describeProblem(storageProblem(error) ?? { code: 'storage-failed', message: error instanceof Error ? error.message : String(error) })
