import { useEffect, useState } from 'react'

export const sections = [
  'products',
  'units',
  'hubs',
  'skills',
  'plans',
  'sessions',
  'reviews',
  'availability',
  'packets',
  'lab',
  'settings',
] as const
export type Section = (typeof sections)[number]

/** Where the app is: a section and, for an editor, the record's id ("new" for one not yet saved). */
export type Route = { readonly section: Section; readonly id?: string; readonly params: URLSearchParams }

/** Reads "#/products/abc?x=1"; anything unknown lands on Products. */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?')
  const [first, second] = path.split('/').map(decodeSegment)
  const section = sections.find((s) => s === first) ?? 'products'
  return { section, ...(second ? { id: second } : {}), params: new URLSearchParams(query) }
}

/** A malformed escape (a hand-typed "%") reads as the text itself rather than failing the whole window. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

export const href = (section: Section, id?: string, params?: Record<string, string>) =>
  `#/${section}${id ? `/${encodeURIComponent(id)}` : ''}${params ? `?${new URLSearchParams(params).toString()}` : ''}`

let quietAddress: string | undefined

/**
 * Shows a new address without moving: a record created at "#/x/new" takes its
 * real address after its first save while its editor stays mounted. (Some DOMs
 * fire hashchange on replaceState; that one event is ignored.)
 */
export function replaceAddress(target: string): void {
  quietAddress = target
  window.history.replaceState(null, '', target)
}

export function useRoute(): Route {
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
  return parseRoute(hash)
}

/** Goes to another place in the app, as following a link would. */
export function navigate(target: string): void {
  window.location.hash = target
}
