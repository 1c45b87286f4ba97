import type { SessionSummary } from '../../../../core/model/session'
import { workstationActor } from '../../../storage/repositories'
import type { EntryConsent } from './use-entry-consent'
import '../../../ui/ConfirmPanel.css'

/** The one question before entering results in another tester's session: whose name the entries carry. */
export function EntryConsentPanel({
  session,
  consent,
}: {
  session: Pick<SessionSummary, 'testerName'>
  consent: EntryConsent
}) {
  const asNobody = consent.actor.id === workstationActor.id
  return (
    <div className="confirm-panel" role="region" aria-label="Whose entries">
      <p>
        <strong>
          This session is {session.testerName}’s;{' '}
          {asNobody ? 'nobody is chosen as working at this bench.' : `you are working as ${consent.actor.name}.`}
        </strong>
      </p>
      <p>
        {asNobody
          ? 'Entries made now are recorded as this workstation, not as a person. Choose who you are under “Working as” to enter them in your name.'
          : `Verdicts, notes and evidence you enter are recorded in the audit trail as ${consent.actor.name}; the session stays ${session.testerName}’s.`}
      </p>
      <button type="button" className="primary" onClick={consent.agree}>
        Enter results as {consent.actor.name}
      </button>
    </div>
  )
}
