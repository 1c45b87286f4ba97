import type { ExtraField } from '../../../../core/model/test-plan'
import './CaseExtraColumns.css'

/**
 * The plan file's other columns for this case ("Notes", "Precondition", "Priority"),
 * as the importer kept them: a labelled list, in the file's column order.
 */
export function CaseExtraColumns({ extra }: { extra: readonly ExtraField[] | undefined }) {
  if (extra === undefined || extra.length === 0) return null
  return (
    <section className="case-extra" aria-labelledby="case-extra-title">
      <h3 id="case-extra-title">From the plan file</h3>
      <dl className="facts" aria-labelledby="case-extra-title">
        {extra.map((field, index) => (
          <div key={index} className="fact">
            <dt>{field.column}</dt>
            <dd className="pre">{field.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
