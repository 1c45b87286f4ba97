import { useSyncExternalStore } from 'react'
import type { SettingsRepo } from '../storage/repos/settings/settings-repo'
import { href, onAddressShown } from './route'
import type { Section } from './sections'

/** Whether an address names a page of the app (a section and a route of it). */
export type NamesPage = (address: string) => boolean

/** The address this start reopened, until the window shows another. */
let reopened: string | undefined

type PlaceNotice = { readonly text: string; readonly at: string }
let notice: PlaceNotice | null = null
const noticeListeners = new Set<() => void>()
const setNotice = (next: PlaceNotice | null) => {
  notice = next
  for (const listener of noticeListeners) listener()
}

/**
 * At start: opens the window where it was when it last closed, unless its
 * address already names a page (a link, a test, a reload). IndexedDB, not
 * localStorage: Chromium writes localStorage to disk only seconds later, and a
 * window closed at once would reopen somewhere else.
 */
export async function reopenLastPlace(settings: SettingsRepo, namesPage: NamesPage): Promise<void> {
  if (namesPage(window.location.hash)) return
  const place = await settings.lastPlace()
  // A page opened while the place was read (a link followed at start) is where the person wants to be.
  if (place === null || !namesPage(place) || namesPage(window.location.hash)) return
  window.history.replaceState(null, '', place)
  reopened = place
}

/** For the window's life: keeps every page address it shows, so the next start can open there. Returns the unsubscribe. */
export function keepLastPlace(settings: SettingsRepo, namesPage: NamesPage): () => void {
  let kept: string | undefined
  const keep = (address: string) => {
    if (address !== reopened) reopened = undefined
    if (address === kept || !namesPage(address)) return
    kept = address
    // A place not kept costs only where the next start opens; nothing of the lab's data is at stake.
    settings.setLastPlace(address).catch(() => undefined)
  }
  keep(window.location.hash)
  return onAddressShown(keep)
}

/** Whether the window shows the address this start reopened, and has shown no other since. */
export const isReopenedPlace = (): boolean => reopened !== undefined && window.location.hash === reopened

/**
 * A page whose record is missing calls this: when the page is the one this start
 * reopened (the record was deleted or restored away since), the window goes to
 * the section's list and says why, once. True when it did; otherwise the page
 * says "not found" itself, as for any address followed by hand.
 */
export function leaveMissingPlace(section: Section, what: string): boolean {
  if (!isReopenedPlace()) return false
  reopened = undefined
  const list = href(section)
  setNotice({
    text: `The ${what} that was open when WWA Lab last closed does not exist any more, so the list is shown instead.`,
    at: list,
  })
  window.history.replaceState(null, '', list)
  window.dispatchEvent(new HashChangeEvent('hashchange'))
  return true
}

/** The notice leaveMissingPlace() gave, while the window still shows the list it went to. */
export function usePlaceNotice(address: string): string | null {
  const current = useSyncExternalStore(
    (listener) => {
      noticeListeners.add(listener)
      return () => noticeListeners.delete(listener)
    },
    () => notice,
  )
  return current !== null && current.at === address ? current.text : null
}

/** Forgets the notice once the window shows another address: it is said once. */
export function dropPlaceNoticeUnless(address: string): void {
  if (notice !== null && notice.at !== address) setNotice(null)
}
