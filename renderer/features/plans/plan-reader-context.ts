import { createContext, useContext } from 'react'
import { readPlanFileInWorker, type ReadPlanFile } from './plan-import-client'

/**
 * How the import page reads files. The app uses the Web Worker; a UI test in
 * happy-dom (which has no real workers) provides a synchronous stand-in.
 */
export const PlanFileReaderContext = createContext<ReadPlanFile>(readPlanFileInWorker)

export const usePlanFileReader = (): ReadPlanFile => useContext(PlanFileReaderContext)
