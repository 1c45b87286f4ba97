import { useEffect, useState } from 'react'
import type { Section } from './sections'

/** Where the app is: "#/plans/import?plan=x" is section 'plans', segments ['import'], query plan=x. */
export type Address = {
  readonly section: string
  readonly segments: readonly string[]
  readonly query: URLSearchParams
}

/** Reads "#/products/abc?x=1" into its parts; which section and page that is, the router decides. */
export function parseAddress(hash: string): Address {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?')
  const [section = '', ...segments] = path
    .split('/')
    .filter((part) => part !== '')
    .map(decodeSegment)
  return { section, segments, query: new URLSearchParams(query) }
}

/** A malformed escape (a hand-typed "%") reads as the text itself rather than failing the whole window. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** The address of a page: href('products', id), href('reviews', [product, marketplace, snapshot]), with an optional query. */
export function href(section: Section, path?: string | readonly string[], query?: Record<string, string>): string {
  const segments = path === undefined ? [] : typeof path === 'string' ? [path] : path
  const tail = segments.map((segment) => `/${encodeURIComponent(segment)}`).join('')
  return `#/${section}${tail}${query ? `?${new URLSearchParams(query).toString()}` : ''}`
}

let quietAddress: string | undefined

/**
 * Shows a new address without moving: a record created at "#/x/new" takes its
 * real address after its first save while its editor stays mounted. (Some DOMs
 * fire hashchange on replaceState; that one event is ignored.)
 */
export function replaceAddress(target: string): void {
  quietAddress = target
  window.history.replaceState(null, '', target)
  for (const listener of shownListeners) listener(target)
}

const shownListeners = new Set<(address: string) => void>()

/**
 * Calls `listener` with every address the window comes to show, by a link, by
 * navigate() or by replaceAddress(). Returns the unsubscribe.
 */
export function onAddressShown(listener: (address: string) => void): () => void {
  const onChange = () => listener(window.location.hash)
  shownListeners.add(listener)
  window.addEventListener('hashchange', onChange)
  return () => {
    shownListeners.delete(listener)
    window.removeEventListener('hashchange', onChange)
  }
}

/** The address shown now, kept current as it changes. */
export function useAddress(): Address {
  const [hash, setHash] = useState(() => window.location.hash)
  useEffect(() => {
    const onChange = () => {
      if (window.location.hash === quietAddress) return
      quietAddress = undefined
      setHash(window.location.hash)
    }
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return parseAddress(hash)
}

/** Goes to another place in the app, as following a link would. */
export function navigate(target: string): void {
  window.location.hash = target
}
