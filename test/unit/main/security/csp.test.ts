import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../../../main/security/csp'

const directives = new Map(
  contentSecurityPolicy.split(';').map((part) => {
    const [name = '', ...sources] = part.trim().split(/\s+/)
    return [name, sources] as const
  }),
)

describe('content security policy', () => {
  it('allows nothing by default', () => {
    expect(directives.get('default-src')).toEqual(["'none'"])
  })

  it('runs only the app’s own scripts: no inline script, no eval', () => {
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(contentSecurityPolicy).not.toContain('unsafe-inline')
    expect(contentSecurityPolicy).not.toContain('unsafe-eval')
  })

  it('names no network source anywhere, so the page cannot reach the network', () => {
    for (const [name, sources] of directives) {
      for (const source of sources) {
        expect(["'self'", "'none'", 'blob:', 'data:'], `${name} ${source}`).toContain(source)
      }
    }
  })

  it.each(['object-src', 'base-uri', 'form-action', 'frame-ancestors', 'frame-src'])('shuts %s', (name) => {
    expect(directives.get(name)).toEqual(["'none'"])
  })
})
