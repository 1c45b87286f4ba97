import { assertNever } from '../../../core/assert-never'
import { encodingLabels, type TextEncoding, type TextEncodingRead } from '../../../core/import/decode-text'
import { FieldFrame } from '../../ui/Field'

const places = (n: number) => (n === 1 ? '1 place' : `${n.toLocaleString('en-US')} places`)

/** What the preview says about how the text was decoded: the encoding, why, and what did not fit it. */
export function encodingNote(fileName: string, read: TextEncodingRead): string {
  const label = encodingLabels[read.encoding]
  switch (read.basis) {
    case 'byte-order-mark':
      return `Read as ${label}: ${fileName} starts with the ${label} byte-order mark.`
    case 'valid-utf-8':
      return `Read as UTF-8: ${fileName} is valid UTF-8.`
    case 'mostly-utf-8':
      return `Read as UTF-8, but ${places(read.replaced)} in ${fileName} ${read.replaced === 1 ? 'is' : 'are'} not valid UTF-8 and show${read.replaced === 1 ? 's' : ''} as �. Check those rows in the preview, or choose the encoding the file was saved in.`
    case 'looks-like-windows-1252':
      return `Read as Windows-1252: ${fileName} is not UTF-8, and its bytes look like Windows-1252 (Excel's “CSV” on Windows). If accents look wrong, choose another encoding.`
    case 'chosen':
      return read.replaced === 0
        ? `Read as ${label}, as chosen.`
        : `Read as ${label}, as chosen, but ${places(read.replaced)} ${read.replaced === 1 ? 'is' : 'are'} not valid ${label} and show${read.replaced === 1 ? 's' : ''} as �.`
    default:
      return assertNever(read.basis)
  }
}

type Props = {
  readonly current: TextEncoding
  readonly choices: readonly TextEncoding[]
  /** The note on how the text was read; a warning when some of it did not fit the encoding. */
  readonly note: string
  readonly warn: boolean
  readonly disabled?: boolean
  readonly onChoose: (encoding: TextEncoding) => void
}

/** The encoding a plan file's text was read in, and a choice of another: the file is read again in the worker. */
export function EncodingPicker({ current, choices, note, warn, disabled, onChoose }: Props) {
  return (
    <div className="encoding-picker">
      <FieldFrame label="Text encoding" hint={warn ? undefined : note} warning={warn ? note : undefined}>
        {({ id, describedBy }) => (
          <select
            id={id}
            value={current}
            disabled={disabled}
            aria-describedby={describedBy}
            onChange={(event) => {
              const chosen = choices.find((choice) => choice === event.target.value)
              if (chosen !== undefined && chosen !== current) onChoose(chosen)
            }}
          >
            {choices.map((choice) => (
              <option key={choice} value={choice}>
                {encodingLabels[choice]}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
    </div>
  )
}
