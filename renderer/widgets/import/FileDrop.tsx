import { useEffect, useState } from 'react'
import { formatBytes } from '../../../core/format-bytes'
import type { PlanImportLimits } from '../../../core/import/limits'
import { useFileDrop } from '../../hooks/use-file-drop'
import { EncodingPicker } from './EncodingPicker'
import { SheetPicker } from './SheetPicker'
import './import.css'
import type { useImportFileReading } from './use-import-file-reading'

type Reading = Pick<
  ReturnType<typeof useImportFileReading>,
  'state' | 'choosing' | 'choose' | 'drop' | 'cancel' | 'reread' | 'rereadSheet'
>

/** How the box speaks of the file: "Plan file", "Choose plan file…", "an xlsx, CSV or JSON file", "cases". */
export type FileDropWords = {
  readonly label: string
  readonly choose: string
  readonly formats: string
  readonly rows: string
}

type Props = { readonly reading: Reading; readonly words: FileDropWords; readonly limits: PlanImportLimits }

/** Where a file to import comes in: the Choose button, a drop anywhere on the box, and how the reading is going. */
export function FileDrop({ reading, words, limits }: Props) {
  const { state } = reading
  const busy = reading.choosing || state.kind === 'reading'
  const { dragging, handlers } = useFileDrop((files) => void reading.drop(files), !busy)
  return (
    <div className={`drop-zone${dragging ? ' dragging' : ''}`} role="group" aria-label={words.label} {...handlers}>
      <p>
        <button
          type="button"
          className={state.kind === 'read' ? undefined : 'primary'}
          disabled={busy}
          onClick={() => void reading.choose()}
        >
          {state.kind === 'read' ? 'Choose another file…' : words.choose}
        </button>{' '}
        <span className="muted">
          or drop {words.formats} here (at most {formatBytes(limits.maxBytes)}, {limits.maxRows.toLocaleString('en-US')}{' '}
          {words.rows}).
        </span>
      </p>
      {state.kind === 'reading' ? (
        <ReadingProgress
          name={state.name}
          size={state.size}
          startedAt={state.startedAt}
          limit={limits.maxMillis}
          onCancel={reading.cancel}
        />
      ) : null}
      {state.kind === 'failed' ? (
        <p className="field-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {state.kind === 'failed' && state.retry ? (
        <EncodingPicker
          current={state.retry.current}
          choices={state.retry.choices}
          note="Choose the encoding the file was saved in to read it again."
          warn={false}
          onChoose={(encoding) => void reading.reread(encoding, state.retry?.choices ?? [encoding])}
        />
      ) : null}
      {state.kind === 'failed' && state.sheets ? (
        <SheetPicker
          current={state.sheets.current}
          sheets={state.sheets.sheets}
          note="Choose another sheet of the workbook to read it instead."
          onChoose={(sheet) => void reading.rereadSheet(sheet, state.sheets?.sheets ?? [])}
        />
      ) : null}
      {state.kind === 'stopped' ? (
        <p className="muted" role="status">
          {state.message}
        </p>
      ) : null}
    </div>
  )
}

/** Parsing cannot report how far it got, so the bar shows the time used against the limit after which it is stopped. */
function ReadingProgress({
  name,
  size,
  startedAt,
  limit,
  onCancel,
}: {
  name: string
  size: number
  startedAt: number
  limit: number
  onCancel: () => void
}) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(timer)
  }, [])
  const elapsed = Math.min(limit, Math.max(0, now - startedAt))
  return (
    <div className="reading-progress">
      <progress aria-label={`Reading ${name}`} max={limit} value={elapsed} />
      <p>
        {/* Announced once; the ticking seconds stay out of the live region so a screen reader is not interrupted four times a second. */}
        <span role="status">
          Reading {name} ({formatBytes(size)})…
        </span>{' '}
        {Math.floor(elapsed / 1000)} s; it is stopped after {limit / 1000} s.{' '}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </div>
  )
}
