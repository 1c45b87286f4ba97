import { useCallback, useEffect, useRef, useState } from 'react'
import { planFileSizeRefusal, planImportLimits, type PlanImportLimits } from '../../../core/import/limits'
import type { TextEncoding } from '../../../core/import/decode-text'
import { useServices } from '../../app/services-context'
import { readPickedFile } from '../large-files/read-picked-file'
import { canceledMessage, nothingImported, withNothingImported } from '../../../core/import/messages'
import type { ImportFile, ImportFileRead, ImportReadOutcome } from '../../../core/import/read-import-file'
import { messageOf } from '../../../core/text/message-of'
import type { SheetSummary } from '../../../core/import/table'
import type { ReadImportFile } from './file-import-client'

export type ReadingState<Read = ImportFileRead<unknown, unknown>> =
  | { readonly kind: 'idle' }
  | { readonly kind: 'reading'; readonly name: string; readonly size: number; readonly startedAt: number }
  | { readonly kind: 'read'; readonly name: string; readonly read: Read }
  /**
   * `retry` when the file could be read again in another encoding (a chosen encoding
   * that did not fit), `sheets` when another sheet of the workbook can be chosen (a chosen sheet that could not be read).
   */
  | {
      readonly kind: 'failed'
      readonly message: string
      readonly retry?: EncodingChoice
      readonly sheets?: SheetChoice
    }
  | { readonly kind: 'stopped'; readonly message: string }

/** The encoding a file was read in and the ones it may be read in instead. */
export type EncodingChoice = { readonly current: TextEncoding; readonly choices: readonly TextEncoding[] }

/** The sheet a workbook was read from and the workbook's sheets. */
export type SheetChoice = { readonly current: string; readonly sheets: readonly SheetSummary[] }

/** What an import page reads, and how it speaks of the file. */
export type ImportReadingOptions<Read> = {
  /** The page's reader: the Web Worker in the app, a stand-in in UI tests. */
  readonly readFile: ReadImportFile<ImportReadOutcome<Read>>
  /** The limits to read with, the lab's settings applied (the column cap). */
  readonly limits: () => Promise<PlanImportLimits>
  /** The limits known before the settings are read: the size a dialog or drop refuses at once. */
  readonly maxBytes: number
  readonly dialog: { readonly title: string; readonly filter: { readonly name: string; readonly extensions: string[] } }
  /** "plan", "plan file": "Drop one plan file at a time", "a folder cannot be imported as a plan". */
  readonly noun: string
  readonly fileNoun: string
}

/**
 * Brings one file in, from the file dialog or a drop, and reads it with
 * the page's reader (the Web Worker in the app), with the lab's limits. A new
 * file replaces the one before; Cancel, or leaving the page, stops the reading at
 * once. `reread` reads the same file again in another encoding, `rereadSheet` from
 * another sheet of the workbook.
 */
export function useImportFileReading<Read extends ImportFileRead<unknown, unknown>>(
  options: ImportReadingOptions<Read>,
) {
  const { lab } = useServices()
  const { readFile, limits: labLimits, maxBytes, dialog, noun, fileNoun } = options
  const [state, setState] = useState<ReadingState<Read>>({ kind: 'idle' })
  // Kept apart from the state: a preview (and the columns chosen in it) stays while the dialog is open, and after Cancel.
  const [choosing, setChoosing] = useState(false)
  const running = useRef<AbortController | null>(null)
  // The bytes of the file shown, kept to read it again in another encoding: the reader takes a copy.
  const shown = useRef<ImportFile | null>(null)
  useEffect(() => () => running.current?.abort(), [])

  const read = useCallback(
    async (file: ImportFile, retry?: EncodingChoice, sheets?: SheetChoice) => {
      running.current?.abort()
      const controller = new AbortController()
      running.current = controller
      shown.current = file
      setState({ kind: 'reading', name: file.name, size: file.bytes.byteLength, startedAt: Date.now() })
      const limits = await labLimits()
      // Cancelled while the setting was read: an aborted signal fires no abort event, so the reader must not start.
      if (controller.signal.aborted) {
        if (running.current === controller) {
          running.current = null
          setState({ kind: 'stopped', message: canceledMessage })
        }
        return
      }
      const outcome = await readFile({ ...file, bytes: file.bytes.slice() }, controller.signal, limits)
      // A newer file, or leaving the page, took over while this one was read.
      if (running.current !== controller) return
      running.current = null
      if (outcome.ok) setState({ kind: 'read', name: file.name, read: outcome })
      else if ('canceled' in outcome) setState({ kind: 'stopped', message: outcome.message })
      else
        setState({
          kind: 'failed',
          message: outcome.message,
          ...(retry ? { retry } : {}),
          ...(sheets ? { sheets } : {}),
        })
    },
    [readFile, labLimits],
  )

  const reread = useCallback(
    async (encoding: TextEncoding, choices: readonly TextEncoding[]) => {
      const file = shown.current
      if (file === null) return
      await read({ ...file, encoding }, { current: encoding, choices })
    },
    [read],
  )

  const rereadSheet = useCallback(
    async (sheet: string, sheets: readonly SheetSummary[]) => {
      const file = shown.current
      if (file === null) return
      await read({ ...file, sheet }, undefined, { current: sheet, sheets })
    },
    [read],
  )

  const choose = useCallback(async () => {
    setChoosing(true)
    let reply: Awaited<ReturnType<typeof lab.files.open>>
    try {
      reply = await lab.files.open({
        title: dialog.title,
        filters: [{ name: dialog.filter.name, extensions: [...dialog.filter.extensions] }],
        multiple: false,
        maxBytes,
      })
    } catch (error) {
      reply = { ok: false, problem: { code: 'failed', message: messageOf(error) } }
    } finally {
      setChoosing(false)
    }
    if (!reply.ok)
      return setState({
        kind: 'failed',
        message: `The file could not be opened: ${reply.problem.message} ${nothingImported}`,
      })
    const refused = reply.value.rejected[0]
    if (refused) return setState({ kind: 'failed', message: `${refused.reason} ${nothingImported}` })
    const file = reply.value.files[0]
    // Cancelling the dialog leaves the page as it was, preview and chosen columns included.
    if (reply.value.canceled || !file) return undefined
    let bytes: Uint8Array
    try {
      bytes = await readPickedFile(lab, file)
    } catch (error) {
      return setState({ kind: 'failed', message: withNothingImported(messageOf(error)) })
    }
    await read({ name: file.name, bytes })
  }, [lab, read, dialog, maxBytes])

  const drop = useCallback(
    async (files: FileList) => {
      const file = files[0]
      if (!file) return
      if (files.length > 1)
        return setState({
          kind: 'failed',
          message: `Drop one ${fileNoun} at a time; ${files.length} were dropped. ${nothingImported}`,
        })
      // Refused before reading: a dropped disk image must not be pulled into memory whole.
      const tooLarge = planFileSizeRefusal(file.name, file.size, { ...planImportLimits, maxBytes }, fileNoun)
      if (tooLarge !== undefined) return setState({ kind: 'failed', message: withNothingImported(tooLarge) })
      let bytes: Uint8Array
      try {
        bytes = new Uint8Array(await file.arrayBuffer())
      } catch {
        return setState({
          kind: 'failed',
          message: `${file.name} could not be read; a folder cannot be imported as a ${noun}. ${nothingImported}`,
        })
      }
      await read({ name: file.name, bytes })
    },
    [read, maxBytes, fileNoun, noun],
  )

  const cancel = useCallback(() => running.current?.abort(), [])

  return { state, choosing, choose, drop, cancel, reread, rereadSheet }
}
