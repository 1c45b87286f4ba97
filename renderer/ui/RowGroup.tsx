import type { ReactNode } from 'react'
import './RowGroup.css'

/**
 * One row of a repeated editor (an ASIN, a person). A group with its own name,
 * so a screen reader says "ASIN 2, group" before the row's "ASIN" field.
 */
export function RowGroup({ label, children }: { label: string; children: ReactNode }) {
  return (
    <li>
      <fieldset className="row-editor">
        <legend className="visually-hidden">{label}</legend>
        {children}
      </fieldset>
    </li>
  )
}
