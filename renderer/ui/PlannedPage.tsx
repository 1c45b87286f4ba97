import type { ReactElement } from 'react'

/**
 * The page of a section a later release builds: it says so plainly instead of
 * showing made-up data. Its feature replaces it with the real page.
 */
export function plannedPage(title: string, text: string): () => ReactElement {
  return function PlannedPage() {
    return (
      <section aria-labelledby="planned-title">
        <h1 id="planned-title">{title}</h1>
        <p className="notice">{text}</p>
      </section>
    )
  }
}
