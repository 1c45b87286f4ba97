import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { describeProblem } from '../../../core/outcome'
import {
  ComparisonSettings,
  comparisonSettingWords,
  defaultComparisonSettings,
  type ComparisonSettingKey,
} from '../../../core/rules/comparison/settings'
import { href } from '../../app/route'
import { useRepos } from '../../app/services-context'
import { TextField } from '../../ui/Field'

type Texts = Readonly<Record<ComparisonSettingKey, string>>

const textsOf = (settings: ComparisonSettings): Texts =>
  Object.fromEntries(comparisonSettingWords.map(({ key }) => [key, String(settings[key])])) as Texts

/** The typed thresholds as numbers, checked by the same schema the profile keeps them with; errors per field. */
function parse(texts: Texts): { settings?: ComparisonSettings; errors: Partial<Record<ComparisonSettingKey, string>> } {
  const errors: Partial<Record<ComparisonSettingKey, string>> = {}
  const numbers: Record<string, number> = {}
  for (const { key } of comparisonSettingWords) {
    const text = texts[key].trim().replace(',', '.')
    const value = text === '' ? Number.NaN : Number(text)
    if (!Number.isFinite(value)) errors[key] = 'Enter a number.'
    else numbers[key] = value
  }
  const checked = ComparisonSettings.safeParse(numbers)
  if (!checked.success)
    for (const issue of checked.error.issues) {
      const key = issue.path[0] as ComparisonSettingKey
      errors[key] ??=
        issue.code === 'too_small' || issue.code === 'too_big'
          ? `Out of range: ${comparisonSettingWords.find((w) => w.key === key)?.hint.split('.')[0] ?? ''}.`
          : issue.code === 'invalid_type' && issue.expected === 'int'
            ? 'Enter a whole number.'
            : issue.message
    }
  return Object.keys(errors).length === 0 && checked.success ? { settings: checked.data, errors } : { errors }
}

/**
 * Settings → Listing comparison: the lab's thresholds, kept in the lab profile so every bench compares alike and
 * every change is in the audit trail. Saved with one click (one audit entry), not per keystroke.
 */
export function ComparisonSettingsForm() {
  const repos = useRepos()
  const stored = useLiveQuery(async () => {
    const profile = await repos.profile.get()
    return { exists: profile !== undefined, settings: await repos.profile.comparisonSettings() }
  }, [repos])
  const [texts, setTexts] = useState<Texts | null>(null)
  const [status, setStatus] = useState<string>('')
  const [failure, setFailure] = useState<string | null>(null)
  if (stored === undefined) return <p className="muted">Loading…</p>
  const shown = texts ?? textsOf(stored.settings)
  const { settings, errors } = parse(shown)
  const unchanged =
    settings !== undefined && comparisonSettingWords.every(({ key }) => settings[key] === stored.settings[key])
  const isDefault = comparisonSettingWords.every(({ key }) => stored.settings[key] === defaultComparisonSettings[key])

  const save = async (next: ComparisonSettings | null) => {
    setFailure(null)
    const outcome = await repos.profile.setComparisonSettings(next)
    if (!outcome.ok) return setFailure(`Not saved: ${describeProblem(outcome.problem)}`)
    setTexts(null)
    setStatus(next === null ? 'The defaults apply again.' : 'Saved: every review now compares with these thresholds.')
  }

  return (
    <section aria-labelledby="comparison-settings-title">
      <h2 id="comparison-settings-title">Listing comparison</h2>
      {!stored.exists ? (
        <p className="notice">
          The thresholds are kept in the lab profile: <a href={href('lab')}>set up the lab profile</a> first. Until then
          the defaults apply.
        </p>
      ) : null}
      <p className="muted">
        For the whole lab, and kept in the audit trail. A change re-opens the reviewers’ decisions on the checks whose
        finding it changes.
      </p>
      <div className="grid">
        {comparisonSettingWords.map(({ key, label, hint }) => (
          <TextField
            key={key}
            label={label}
            value={shown[key]}
            error={errors[key]}
            hint={`${hint} ${String(defaultComparisonSettings[key])} unless changed.`}
            onChange={(value) => {
              setStatus('')
              setTexts({ ...shown, [key]: value })
            }}
          />
        ))}
      </div>
      <p>
        <button
          type="button"
          className="primary"
          disabled={!stored.exists || settings === undefined || unchanged}
          onClick={() => settings && void save(settings)}
        >
          Save thresholds
        </button>{' '}
        <button
          type="button"
          disabled={!stored.exists || (isDefault && texts === null)}
          onClick={() => void save(null)}
        >
          Restore the defaults
        </button>
      </p>
      <p role="status" className="muted">
        {status}
      </p>
      {failure ? (
        <p className="field-error" role="alert">
          {failure}
        </p>
      ) : null}
    </section>
  )
}
