import { ipcMain } from 'electron'
import type { IpcMainInvokeEvent } from 'electron'
import { channels } from '../../core/bridge/channels'
import type { Dispatch, Sender } from './dispatcher'

/**
 * Who sent an invoke: the URL of the sending frame, and whether that frame is
 * its window's main frame. A frame already gone (navigated away, destroyed)
 * counts as a stranger.
 */
export function senderOf(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): Sender {
  const frame = event.senderFrame
  return { url: frame?.url ?? '', isMainFrame: frame != null && frame === event.sender.mainFrame }
}

/**
 * The only place main touches ipcMain: one handler per contract channel, each
 * handing the raw message to the dispatcher, which checks sender and payload.
 */
export function registerIpcHandlers(dispatch: Dispatch): void {
  for (const channel of channels) {
    // Only the first argument is the request; anything else a renderer sends is ignored.
    ipcMain.handle(channel, (event, raw: unknown) => dispatch(channel, senderOf(event), raw))
  }
}
