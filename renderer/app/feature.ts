import type { ComponentType } from 'react'

/** The navigation's groups, in the order the sidebar shows them. */
export const navGroups = ['Catalogue', 'Certification', 'Lab'] as const
export type NavGroup = (typeof navGroups)[number]

/** The names in a route pattern: ':product/:marketplace/:snapshot' → 'product' | 'marketplace' | 'snapshot'. */
type ParamNames<P extends string> = P extends `${infer Head}/${infer Rest}`
  ? ParamNames<Head> | ParamNames<Rest>
  : P extends `:${infer Name}`
    ? Name
    : never

/** What a page is given: the values of its pattern's parameters, and the address's query. */
export type PageProps<P extends string = string> = {
  readonly params: { readonly [K in ParamNames<P>]: string }
  readonly query: URLSearchParams
}

/** One address a feature answers below its section, e.g. '' (the section itself), 'import', ':id'. */
export type FeatureRoute = {
  /** Segments after the section, separated by '/'; a segment starting with ':' matches any one segment. */
  readonly path: string
  readonly page: ComponentType<{ readonly params: Readonly<Record<string, string>>; readonly query: URLSearchParams }>
}

/**
 * A feature describes itself: its section in the address and the navigation,
 * the label and group it is listed under, and the pages it answers. The shell
 * (app/sections.ts) collects these; nothing else lists sections.
 */
export type Feature<S extends string = string> = {
  readonly section: S
  readonly label: string
  readonly group: NavGroup
  /** Tried in order: put literal paths ('new', 'import') before parameters (':id'). */
  readonly routes: readonly FeatureRoute[]
}

/** A route whose page is typed by its pattern: route(':id', Page) gives Page `params.id`. */
export function route<P extends string>(path: P, page: ComponentType<PageProps<P>>): FeatureRoute {
  // The router fills exactly the pattern's parameters, so the page's narrower props hold.
  return { path, page: page as unknown as FeatureRoute['page'] }
}
