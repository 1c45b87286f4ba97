import type { FeatureRoute } from './feature'

export type RouteMatch = { readonly route: FeatureRoute; readonly params: Readonly<Record<string, string>> }

/** The first route whose pattern fits these segments exactly, with its parameters filled in; undefined when none does. */
export function matchRoute(routes: readonly FeatureRoute[], segments: readonly string[]): RouteMatch | undefined {
  for (const route of routes) {
    const pattern = route.path === '' ? [] : route.path.split('/')
    if (pattern.length !== segments.length) continue
    const params: Record<string, string> = {}
    const fits = pattern.every((part, index) => {
      const segment = segments[index] ?? ''
      if (part.startsWith(':')) {
        params[part.slice(1)] = segment
        return segment !== ''
      }
      return part === segment
    })
    if (fits) return { route, params }
  }
  return undefined
}
