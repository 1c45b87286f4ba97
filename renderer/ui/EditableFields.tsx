import type { ReactNode } from 'react'
import './EditableFields.css'

/**
 * The part of a record's page that edits it: drawn as usual, but disabled while
 * the record is archived (restoring it makes it editable again). Views that only
 * read (photos full size, history, evidence) stay outside it, so they keep working.
 */
export function EditableFields({ archived, children }: { archived: boolean; children: ReactNode }) {
  return (
    <fieldset className="editable-fields" disabled={archived}>
      {children}
    </fieldset>
  )
}
