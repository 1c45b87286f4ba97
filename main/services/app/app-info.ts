import type { AppInfo } from '../../../core/bridge/contract'

export type AppIdentity = { readonly name: string; readonly version: string }
export type Runtime = { readonly versions: Readonly<Record<string, string | undefined>>; readonly platform: string }

/**
 * What "About" shows and bug reports quote. electron and chrome are null when
 * the services run outside Electron (the end-to-end harness runs them in Node).
 */
export function describeApp(identity: AppIdentity, runtime: Runtime = process): AppInfo {
  return {
    name: identity.name,
    version: identity.version,
    electron: runtime.versions['electron'] ?? null,
    chrome: runtime.versions['chrome'] ?? null,
    node: runtime.versions['node'] ?? 'unknown',
    platform: runtime.platform,
  }
}
