import type { CustomScheme } from 'electron'
import { appScheme } from '../app-origin'

/**
 * app:// behaves like https for the renderer: standard (relative URLs, its own
 * origin, so IndexedDB works), secure (WebCrypto, secure-context APIs), fetch
 * and streaming media. It never bypasses the CSP. V8 keeps a code cache for it,
 * as for https: a window that opens again does not compile the app's script again.
 */
export const appSchemePrivileges: CustomScheme = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true, bypassCSP: false },
}
