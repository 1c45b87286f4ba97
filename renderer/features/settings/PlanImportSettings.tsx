import { useEffect, useRef, useState } from 'react'
import { describeProblem } from '../../../core/outcome'
import { checkColumnCap, columnCapSetting } from '../../../core/import/column-cap'
import { count } from '../../../core/import/table'
import { useRepos } from '../../app/services-context'
import { TextField } from '../../ui/Field'

type Saving =
  | { readonly kind: 'loading' }
  | { readonly kind: 'shown' }
  | { readonly kind: 'saved'; readonly value: number }
  | { readonly kind: 'failed'; readonly message: string }

const hint = `A plan file with more columns is refused when it is imported, with a message. From ${count(columnCapSetting.min)} to ${count(columnCapSetting.max)}; ${count(columnCapSetting.defaultValue)} unless changed.`

/** Settings → Plan import: the column cap, saved as it is typed whenever it is a valid number. */
export function PlanImportSettings() {
  const repos = useRepos()
  const [text, setText] = useState('')
  const [saving, setSaving] = useState<Saving>({ kind: 'loading' })
  // Only the newest keystroke's save may say "saved".
  const latest = useRef(0)

  useEffect(() => {
    let live = true
    void repos.settings.maxPlanColumns().then((value) => {
      if (!live) return
      setText(String(value))
      setSaving({ kind: 'shown' })
    })
    return () => {
      live = false
    }
  }, [repos])

  const change = (typed: string) => {
    setText(typed)
    const check = checkColumnCap(typed)
    const attempt = ++latest.current
    if (!check.ok) return setSaving({ kind: 'shown' })
    void repos.settings.setMaxPlanColumns(check.value).then((outcome) => {
      if (attempt !== latest.current) return
      setSaving(
        outcome.ok
          ? { kind: 'saved', value: outcome.value }
          : { kind: 'failed', message: `Not saved: ${describeProblem(outcome.problem)}` },
      )
    })
  }

  const check = checkColumnCap(text)
  return (
    <section aria-labelledby="plan-import-settings-title">
      <h2 id="plan-import-settings-title">Plan import</h2>
      {saving.kind === 'loading' ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <TextField
            label={columnCapSetting.label}
            value={text}
            error={check.ok ? (saving.kind === 'failed' ? saving.message : undefined) : check.message}
            hint={hint}
            onChange={change}
          />
          <p role="status" className="muted">
            {saving.kind === 'saved' && check.ok && check.value === saving.value
              ? `Saved: plan files may have up to ${count(saving.value)} columns.`
              : ''}
          </p>
        </>
      )}
    </section>
  )
}
