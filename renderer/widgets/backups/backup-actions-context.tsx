import { createContext, useContext, type ReactNode } from 'react'
import type { BackupActions } from './backup-actions'

const BackupActionsContext = createContext<BackupActions | null>(null)

export function BackupActionsProvider({ actions, children }: { actions: BackupActions; children: ReactNode }) {
  return <BackupActionsContext.Provider value={actions}>{children}</BackupActionsContext.Provider>
}

export function useBackupActions(): BackupActions {
  const actions = useContext(BackupActionsContext)
  if (!actions) throw new Error('useBackupActions needs a BackupActionsProvider above it.')
  return actions
}
