import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { appMenuTemplate } from '../../../../main/window/app-menu'

const roles = (items: readonly MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ])

describe('application menu', () => {
  it('offers no reload or developer tools in the installed app', () => {
    const installed = roles(appMenuTemplate({ isPackaged: true, isMac: false }))
    expect(installed).not.toContain('toggleDevTools')
    expect(installed).not.toContain('reload')
    expect(installed).not.toContain('forceReload')
    expect(installed).toEqual(expect.arrayContaining(['copy', 'paste', 'undo', 'quit', 'zoomIn']))
  })

  it('keeps them while developing', () => {
    expect(roles(appMenuTemplate({ isPackaged: false, isMac: false }))).toEqual(
      expect.arrayContaining(['toggleDevTools', 'reload']),
    )
  })

  it('uses the macOS app menu and Close on a Mac', () => {
    const mac = roles(appMenuTemplate({ isPackaged: true, isMac: true }))
    expect(mac).toEqual(expect.arrayContaining(['appMenu', 'close']))
    expect(mac).not.toContain('quit')
  })
})
