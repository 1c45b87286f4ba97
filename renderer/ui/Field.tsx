import { useId, type ReactNode } from 'react'
import { fieldLeft } from '../hooks/field-leave'
import './Field.css'

type FieldFrameProps = {
  readonly label: string
  readonly error?: string | undefined
  readonly hint?: string | undefined
  readonly warning?: string | undefined
  /** Takes two columns of a form grid: a picker whose choices would be cut off in one. */
  readonly wide?: boolean
  readonly children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode
}

/** A label, a control, and the control's error, warning or hint beside it, wired for screen readers. */
export function FieldFrame({ label, error, hint, warning, wide, children }: FieldFrameProps) {
  const id = useId()
  const noteId = `${id}-note`
  const note = error ?? warning ?? hint
  return (
    <div className={`field${wide ? ' field-wide' : ''}${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy: note ? noteId : undefined, invalid: Boolean(error) })}
      {note ? (
        <p id={noteId} className={error ? 'field-error' : warning ? 'field-warning' : 'field-hint'}>
          {note}
        </p>
      ) : null}
    </div>
  )
}

type TextFieldProps = {
  readonly label: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly error?: string | undefined
  readonly warning?: string | undefined
  readonly hint?: string | undefined
  readonly type?: 'text' | 'date' | 'search'
  readonly list?: string
  readonly placeholder?: string
  readonly autoFocus?: boolean
}

export function TextField({
  label,
  value,
  onChange,
  error,
  warning,
  hint,
  type = 'text',
  list,
  placeholder,
  autoFocus,
}: TextFieldProps) {
  return (
    <FieldFrame label={label} error={error} warning={warning} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type={type}
          value={value}
          list={list}
          placeholder={placeholder}
          autoFocus={autoFocus}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
          onBlur={fieldLeft}
        />
      )}
    </FieldFrame>
  )
}

type SelectFieldProps<V extends string> = {
  readonly label: string
  readonly value: V
  readonly options: readonly { readonly value: V; readonly label: string }[]
  readonly onChange: (value: V) => void
  readonly error?: string | undefined
  readonly hint?: string | undefined
}

/** The longest choice a form grid's column (230 px at least) shows whole in a closed picker. */
const choiceFitsColumn = 26

export function SelectField<V extends string>({ label, value, options, onChange, error, hint }: SelectFieldProps<V>) {
  const wide = options.some((option) => option.label.length > choiceFitsColumn)
  return (
    <FieldFrame label={label} error={error} hint={hint} wide={wide}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          value={value}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value as V)}
          onBlur={fieldLeft}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  )
}

type TextAreaFieldProps = {
  readonly label: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly error?: string | undefined
  readonly hint?: string | undefined
  readonly rows?: number
}

export function TextAreaField({ label, value, onChange, error, hint, rows = 4 }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          rows={rows}
          value={value}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
          onBlur={fieldLeft}
        />
      )}
    </FieldFrame>
  )
}
