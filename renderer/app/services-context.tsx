import { createContext, useContext, type ReactNode } from 'react'
import type { LabBridge } from '../../core/bridge/contract'
import type { PersistenceAnswer } from '../storage/persistence'
import type { Repositories } from '../storage/repositories'
import type { WorkingAsStore } from './working-as-store'

/** What the screens are given at start: storage, who is working, the bridge to main, and what the browser said about keeping data. */
export type AppServices = {
  readonly repos: Repositories
  readonly workingAs: WorkingAsStore
  readonly lab: LabBridge
  readonly persistence: PersistenceAnswer
}

const ServicesContext = createContext<AppServices | null>(null)

export function ServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>
}

export function useServices(): AppServices {
  const services = useContext(ServicesContext)
  if (!services) throw new Error('useServices needs a ServicesProvider above it.')
  return services
}

export const useRepos = (): Repositories => useServices().repos
