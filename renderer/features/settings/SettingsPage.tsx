import { useEffect, useState } from 'react'
import { assertNever } from '../../../core/assert-never'
import { formatBytes } from '../../../core/format-bytes'
import type { AppInfo } from '../../../core/bridge/contract'
import { useServices } from '../../app/services-context'
import type { PersistenceAnswer } from '../../storage/persistence'
import { BackupSettings } from './BackupSettings'
import { ComparisonSettingsForm } from './ComparisonSettingsForm'
import { PlanImportSettings } from './PlanImportSettings'

type Usage = { readonly usage: number; readonly quota: number }

/** How the app stores the lab's data, and what it runs on. */
export function SettingsPage() {
  const { lab, persistence } = useServices()
  const [info, setInfo] = useState<AppInfo | string>()
  const [usage, setUsage] = useState<Usage>()

  useEffect(() => {
    let live = true
    void lab.app.info().then((reply) => live && setInfo(reply.ok ? reply.value : reply.problem.message))
    void navigator.storage?.estimate?.().then((e) => live && setUsage({ usage: e.usage ?? 0, quota: e.quota ?? 0 }))
    return () => {
      live = false
    }
  }, [lab])

  return (
    <section aria-labelledby="settings-title" className="editor">
      <h1 id="settings-title">Settings</h1>
      <h2>Storage</h2>
      <dl className="facts">
        <dt>Persistent storage</dt>
        <dd>{describePersistence(persistence)}</dd>
        <dt>Space used</dt>
        <dd>{usage ? `${formatBytes(usage.usage)} of ${formatBytes(usage.quota)} available to the app` : '—'}</dd>
      </dl>
      <BackupSettings />
      <PlanImportSettings />
      <ComparisonSettingsForm />
      <h2>About</h2>
      {typeof info === 'string' ? (
        <p className="field-error">{info}</p>
      ) : info ? (
        <dl className="facts">
          <dt>Version</dt>
          <dd>
            {info.name} {info.version}
          </dd>
          <dt>Electron</dt>
          <dd>{info.electron ?? '—'}</dd>
          <dt>Chromium</dt>
          <dd>{info.chrome ?? '—'}</dd>
          <dt>Node</dt>
          <dd>{info.node}</dd>
          <dt>Platform</dt>
          <dd>{info.platform}</dd>
        </dl>
      ) : (
        <p className="muted">Loading…</p>
      )}
    </section>
  )
}

function describePersistence(answer: PersistenceAnswer): string {
  switch (answer) {
    case 'persisted':
      return 'Granted: the browser engine will not clear the lab’s data to free space.'
    case 'not-persisted':
      return 'Not granted: under severe disk pressure the data could be cleared. Keep backups.'
    case 'unsupported':
      return 'Not available in this environment.'
    default:
      return assertNever(answer)
  }
}
