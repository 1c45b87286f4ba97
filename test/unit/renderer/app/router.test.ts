import { describe, expect, it } from 'vitest'
import { route, type PageProps } from '../../../../renderer/app/feature'
import { href, parseAddress } from '../../../../renderer/app/route'
import { matchRoute } from '../../../../renderer/app/router'
import { sections } from '../../../../renderer/app/sections'

const List = () => null
const Editor = (_: PageProps<':id'>) => null
const Import = () => null
const Review = (_: PageProps<':product/:marketplace/:snapshot'>) => null
const routes = [
  route('', List),
  route('import', Import),
  route(':id', Editor),
  route(':product/:marketplace/:snapshot', Review),
]

describe('addresses and routes', () => {
  it('reads an address into its section, segments and query', () => {
    const address = parseAddress('#/plans/import?plan=p-1')
    expect(address.section).toBe('plans')
    expect(address.segments).toEqual(['import'])
    expect(address.query.get('plan')).toBe('p-1')
    expect(parseAddress('').section).toBe('')
    expect(parseAddress('#/products/%E0%A4%A').segments).toEqual(['%E0%A4%A'])
  })

  it('matches literal paths before parameters, and fills every parameter', () => {
    expect(matchRoute(routes, [])?.route.page).toBe(List)
    expect(matchRoute(routes, ['import'])?.route.page).toBe(Import)
    expect(matchRoute(routes, ['abc'])).toEqual({ route: routes[2], params: { id: 'abc' } })
  })

  it('expresses a review address of three segments, and round-trips it through href', () => {
    const address = parseAddress(href('reviews', ['p 1', 'DE', 'snap/7']))
    expect(address.section).toBe('reviews')
    expect(matchRoute(routes, address.segments)).toEqual({
      route: routes[3],
      params: { product: 'p 1', marketplace: 'DE', snapshot: 'snap/7' },
    })
  })

  it('answers nothing for a path no route has', () => {
    expect(matchRoute(routes, ['a', 'b'])).toBeUndefined()
  })

  it('lists every section once, each answering its own root', () => {
    const names = sections.map((s) => s.section)
    expect(new Set(names).size).toBe(names.length)
    for (const feature of sections) expect(matchRoute(feature.routes, []), feature.section).toBeDefined()
  })
})
