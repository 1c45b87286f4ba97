import { contextBridge, ipcRenderer } from 'electron'
import { channels } from '../core/bridge/channels'
import type { LabBridge } from '../core/bridge/contract'

type Call = (request?: unknown) => Promise<unknown>

/**
 * window.lab, built from the channel list alone: 'files.open' becomes
 * lab.files.open(request). Each call sends exactly one argument and returns
 * main's {ok, value | problem} reply; validation happens in main, not here, so
 * this file bundles no zod and stays a small sandboxed script.
 */
function buildBridge(): LabBridge {
  const groups: Record<string, Record<string, Call>> = {}
  for (const channel of channels) {
    const dot = channel.indexOf('.')
    const group = channel.slice(0, dot)
    const method = channel.slice(dot + 1)
    const calls = (groups[group] ??= {})
    calls[method] = (request) => ipcRenderer.invoke(channel, request)
  }
  // The loop above builds exactly LabBridge's shape from the same channel list
  // LabBridge is computed from; TypeScript cannot follow a loop, hence the cast.
  return groups as unknown as LabBridge
}

const lab = buildBridge() satisfies LabBridge

contextBridge.exposeInMainWorld('lab', lab)
