import { useEffect, useState } from 'react'
import { isReopenedPlace, leaveMissingPlace } from '../app/last-place'
import { href } from '../app/route'
import type { Section } from '../app/sections'

type Props = {
  /** The section the record belongs to, for the way back. */
  readonly section: Section
  /** How the record is named: "This … does not exist any more". */
  readonly what: string
}

/**
 * A record's page whose record is gone. When the window reopened here (where it
 * was when it last closed), it goes to the section's list instead and says why.
 */
export function RecordNotFound({ section, what }: Props) {
  // Decided as the page opens: the window leaves only the address it reopened.
  const [leaving] = useState(isReopenedPlace)
  useEffect(() => {
    if (leaving) leaveMissingPlace(section, what)
  }, [leaving, section, what])
  if (leaving) return null
  return (
    <section>
      <h1>Not found</h1>
      <p className="notice">
        This {what} does not exist any more. <a href={href(section)}>Back to the list</a>
      </p>
    </section>
  )
}
