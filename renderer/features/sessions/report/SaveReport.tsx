import { useState } from 'react'
import { sessionReportFileName, sessionReportSheets } from '../../../../core/export/session-report'
import { messageOf } from '../../../../core/text/message-of'
import { useServices } from '../../../app/services-context'
import { FileSaveProgress } from '../../../widgets/large-files/FileSaveProgress'
import { useFileSave } from '../../../widgets/large-files/use-file-save'
import { readReportInput } from './report-input'
import './SaveReport.css'

const xlsxFilter = [{ name: 'Excel workbook', extensions: ['xlsx'] }]

/**
 * "Save report": the session's report workbook (a cover and every case's result),
 * made from the records as they are now and written through main's chunked,
 * atomic save with a progress bar; an earlier file of the same name stays as it
 * was unless the new one is complete.
 */
export function SaveReport({ sessionId }: { readonly sessionId: string }) {
  const { repos, lab, workingAs } = useServices()
  const { state, save, cancel } = useFileSave(lab)
  const [problem, setProblem] = useState<string | null>(null)
  const [making, setMaking] = useState(false)
  const busy = making || state.phase === 'choosing' || state.phase === 'saving'

  const saveReport = async () => {
    setProblem(null)
    setMaking(true)
    let made: { name: string; bytes: Uint8Array } | undefined
    try {
      const input = await readReportInput(repos, sessionId, workingAs.current(), new Date())
      if (!input) {
        setProblem('The report was not saved: this session is no longer in the lab’s records.')
        return
      }
      // SheetJS is a third of the app's script: loaded when a report is first saved, not parsed at every start.
      const { workbookBytes } = await import('../../../../core/export/xlsx-workbook')
      made = { name: sessionReportFileName(input), bytes: workbookBytes(sessionReportSheets(input)) }
    } catch (error) {
      setProblem(
        `The report could not be made: ${messageOf(error).replace(/\.*$/, '.')} Nothing was saved; try again, and if it fails again, back up the lab and report this.`,
      )
      return
    } finally {
      setMaking(false)
    }
    await save({
      title: 'Save session report',
      suggestedName: made.name,
      filters: xlsxFilter,
      source: [made.bytes],
      size: made.bytes.byteLength,
    })
  }

  return (
    <div className="save-report">
      <p>
        <button type="button" onClick={() => void saveReport()} disabled={busy} aria-describedby="save-report-what">
          {making ? 'Making report…' : 'Save report'}
        </button>{' '}
        <span id="save-report-what" className="muted">
          An Excel workbook: a cover and every case’s verdict, notes and evidence.
        </span>
      </p>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <FileSaveProgress state={state} onCancel={cancel} />
    </div>
  )
}
