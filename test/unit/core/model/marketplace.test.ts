import { afterEach, describe, expect, test, vi } from 'vitest'
import {
  MarketplaceCode,
  Region,
  marketplaceByCode,
  marketplaces,
  regionNames,
  regionOf,
} from '../../../../core/model/marketplace'

// The region table of SPEC §2, typed out here on purpose: the data file must agree with the spec.
const specRegions = {
  NA: ['US', 'CA', 'MX', 'BR'],
  EU: ['UK', 'DE', 'FR', 'IT', 'ES', 'NL', 'SE', 'PL', 'BE', 'TR', 'IE', 'AE', 'SA', 'EG', 'IN'],
  FE: ['JP', 'AU', 'SG'],
} as const

describe('the marketplace table', () => {
  test('every region has exactly the marketplaces the spec lists', () => {
    for (const region of Region.options) {
      const codes = marketplaces.filter((m) => m.region === region).map((m) => m.code)
      expect(codes.toSorted(), region).toEqual([...specRegions[region]].sort())
    }
    expect(marketplaces).toHaveLength(22)
  })

  test('every code and every retail domain is unique', () => {
    const codes = marketplaces.map((m) => m.code)
    const domains = marketplaces.map((m) => m.domain)
    expect(new Set(codes).size).toBe(codes.length)
    expect(new Set(domains).size).toBe(domains.length)
  })

  test('shows the retail domains a tester would type into a browser', () => {
    const domainOf = (code: string) => marketplaceByCode(code)?.domain
    expect(domainOf('US')).toBe('amazon.com')
    expect(domainOf('UK')).toBe('amazon.co.uk')
    expect(domainOf('MX')).toBe('amazon.com.mx')
    expect(domainOf('BR')).toBe('amazon.com.br')
    expect(domainOf('BE')).toBe('amazon.com.be')
    expect(domainOf('TR')).toBe('amazon.com.tr')
    expect(domainOf('JP')).toBe('amazon.co.jp')
    expect(domainOf('AU')).toBe('amazon.com.au')
    expect(domainOf('SA')).toBe('amazon.sa')
    expect(domainOf('EG')).toBe('amazon.eg')
    expect(domainOf('SG')).toBe('amazon.sg')
  })

  test('every marketplace has a name to show', () => {
    for (const m of marketplaces) expect(m.name.trim(), m.code).not.toBe('')
    expect(marketplaceByCode('DE')?.name).toBe('Germany')
  })

  test('names every region for people', () => {
    expect(regionNames).toEqual({ NA: 'North America', EU: 'Europe', FE: 'Far East' })
  })

  test('the table cannot be changed by the code that reads it', () => {
    expect(Object.isFrozen(marketplaces)).toBe(true)
    expect(Object.isFrozen(marketplaces[0])).toBe(true)
  })
})

describe('marketplace codes', () => {
  test('a known code is accepted', () => {
    expect(MarketplaceCode.parse('US')).toBe('US')
    expect(MarketplaceCode.safeParse('SG').success).toBe(true)
  })

  test('an unknown code is refused with a message naming it', () => {
    const result = MarketplaceCode.safeParse('XX')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('Unknown marketplace code "XX".')
  })

  test('codes are case-sensitive and ISO GB is not Amazon UK', () => {
    expect(MarketplaceCode.safeParse('us').error?.issues[0]?.message).toBe('Unknown marketplace code "us".')
    expect(MarketplaceCode.safeParse('GB').success).toBe(false)
  })

  test('something that is not text is refused with a message', () => {
    expect(MarketplaceCode.safeParse(42).error?.issues[0]?.message).toBe('A marketplace code is text such as US or DE.')
  })

  test('looks up a marketplace and its region', () => {
    expect(marketplaceByCode('JP')).toEqual({ code: 'JP', name: 'Japan', domain: 'amazon.co.jp', region: 'FE' })
    expect(marketplaceByCode('XX')).toBeUndefined()
    expect(regionOf('IN')).toBe('EU')
    expect(regionOf('BR')).toBe('NA')
    expect(regionOf('AU')).toBe('FE')
  })

  test('asking the region of an unknown code is a programming error', () => {
    expect(() => regionOf('XX')).toThrow('Unknown marketplace code "XX".')
  })
})

describe('a bad edit of the data file', () => {
  afterEach(() => {
    vi.doUnmock('../../../../core/data/marketplaces.json')
    vi.resetModules()
  })

  const load = async (rows: unknown) => {
    vi.resetModules()
    vi.doMock('../../../../core/data/marketplaces.json', () => ({ default: rows }))
    return import('../../../../core/model/marketplace')
  }

  test('a code listed twice stops the app at load, naming the file and the code', async () => {
    const loading = load([
      { code: 'US', name: 'United States', domain: 'amazon.com', region: 'NA' },
      { code: 'US', name: 'Canada', domain: 'amazon.ca', region: 'NA' },
    ])
    await expect(loading).rejects.toThrow(/^core\/data\/marketplaces\.json is invalid:/)
    await expect(loading).rejects.toThrow(/US appears twice; each code must be unique/)
  })

  test('an unknown region or a malformed domain stops the app at load, naming the row', async () => {
    const loading = load([
      { code: 'DE', name: 'Germany', domain: 'amazon.de', region: 'Europe' },
      { code: 'FR', name: 'France', domain: 'www.amazon.fr', region: 'EU' },
    ])
    await expect(loading).rejects.toThrow(/Choose a region: NA, EU or FE\.\s+→ at \[0\]\.region/)
    await expect(loading).rejects.toThrow(/amazon\.de or amazon\.co\.uk\.\s+→ at \[1\]\.domain/)
  })

  test('an empty table stops the app at load', async () => {
    await expect(load([])).rejects.toThrow(/The marketplace table is empty/)
  })
})
