/** The renderer's one origin. Electron keeps storage per origin: never change it. */
export const appScheme = 'app'
export const appHost = 'wwa-lab'
export const appOrigin = `${appScheme}://${appHost}`

/**
 * The origin of a URL as scheme://host[:port], or undefined when it does not parse.
 * URL.origin is "null" for schemes Node does not know (app:), so it is built by hand.
 */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}`
  } catch {
    return undefined
  }
}
