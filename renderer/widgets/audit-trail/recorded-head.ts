import { createContext, useContext } from 'react'
import type { RecordedHead } from '../../../core/audit/chain-check'

/** The audit head main's ledger holds now (null before any entry), read when a trail is checked. */
export type RecordedHeadSource = () => RecordedHead | null

/**
 * Where the audit view finds the recorded head: the app's ledger keeper. Without
 * one (a test that renders a screen alone) trails are checked on their own.
 */
export const RecordedHeadContext = createContext<RecordedHeadSource | undefined>(undefined)

export const useRecordedHead = (): RecordedHeadSource | undefined => useContext(RecordedHeadContext)
