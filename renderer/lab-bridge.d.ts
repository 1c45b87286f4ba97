import type { LabBridge } from '../core/bridge/contract'

declare global {
  /** Installed by the preload script from core/bridge/contract: the renderer's only way to main. */
  var lab: LabBridge
}
