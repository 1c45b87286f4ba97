import type { BrowserContext } from 'playwright-core'
import { channels } from '../../core/bridge/channels'
import type { Dispatch } from '../../main/ipc/dispatcher'
import { cloneForPage } from './bridge-clone'
import { fromWire, pageWireScript, toWire } from './bridge-wire'

const bindingName = '__labInvoke'

/**
 * Installs window.lab in every page of the context the way the preload does:
 * one function per channel, grouped by the part before the dot. Only the
 * transport differs: calls travel through a Playwright binding into the real
 * dispatcher, which sees the sending frame's URL just as ipcMain would.
 * Bytes cross as base64 text both ways (bridge-wire.ts).
 */
export async function installLabBridge(context: BrowserContext, dispatch: Dispatch): Promise<void> {
  await context.exposeBinding(bindingName, async ({ frame, page }, channel: unknown, request: unknown) => {
    const sender = { url: frame.url(), isMainFrame: frame === page.mainFrame() }
    const reply = await dispatch(typeof channel === 'string' ? channel : String(channel), sender, fromWire(request))
    return toWire(cloneForPage(reply))
  })
  await context.addInitScript({ content: labScript(channels) })
}

/**
 * The script is text, not a serialised function: tsx and vitest transform
 * functions (esbuild's keepNames adds __name calls) into code that would not
 * run in the page. The binding is taken and deleted from window so page code
 * reaches main only through window.lab, as with contextBridge; the lab object
 * is frozen and read-only for the same reason.
 */
function labScript(names: readonly string[]): string {
  return `(() => {
  const invoke = globalThis[${JSON.stringify(bindingName)}];
  if (typeof invoke !== 'function') throw new Error('The test bridge binding is missing.');
  delete globalThis[${JSON.stringify(bindingName)}];
${pageWireScript}
  const lab = {};
  for (const channel of ${JSON.stringify(names)}) {
    const [group, method] = channel.split('.');
    lab[group] ??= {};
    lab[group][method] = async (request) => fromWire(await invoke(channel, toWire(request)));
  }
  for (const group of Object.values(lab)) Object.freeze(group);
  Object.defineProperty(globalThis, 'lab', { value: Object.freeze(lab), enumerable: true, writable: false, configurable: false });
})();`
}
