import type { Hub } from '../../core/model/hub'
import type { Product } from '../../core/model/product'
import type { Skill } from '../../core/model/skill'
import type { Session } from '../../core/model/session'
import type { PlanVersion, TestCase } from '../../core/model/test-plan'
import type { Unit } from '../../core/model/unit'

const at = '2026-11-20T09:00:00.000Z'

/** A valid product; override what a test is about. */
export const aProduct = (over: Partial<Product> = {}): Product => ({
  id: 'p-1',
  brand: 'Acme',
  modelNumber: 'AC-100',
  name: 'Acme Smart Plug',
  deviceType: 'Plug',
  connection: 'direct-skill',
  hubId: null,
  skillRecordId: null,
  marketplaces: ['US', 'DE'],
  retailIds: [{ kind: 'UPC-A', value: '036000291452' }],
  asins: [
    { marketplace: 'US', asin: 'B0ABCDEF12', variation: '' },
    { marketplace: 'DE', asin: 'B0ABCDEF34', variation: '' },
  ],
  variations: [],
  referencePhotoIds: [],
  createdAt: at,
  updatedAt: at,
  ...over,
})

export const aUnit = (over: Partial<Unit> = {}): Unit => ({
  id: 'u-1',
  productId: 'p-1',
  serialNumber: 'SN-0001',
  firmware: '1.2.3',
  hardwareRevision: 'B',
  receivedOn: '2026-11-18',
  receivedFrom: 'Acme Ltd.',
  condition: 'new-sealed',
  conditionNotes: '',
  photos: [],
  discovery: null,
  createdAt: at,
  updatedAt: at,
  ...over,
})

export const aHub = (over: Partial<Hub> = {}): Hub => ({
  id: 'h-1',
  brand: 'Acme',
  modelNumber: 'HUB-2',
  name: 'Acme Bridge',
  asins: ['B0HUBHUB01'],
  firmware: '4.0',
  createdAt: at,
  updatedAt: at,
  ...over,
})

export const aSkill = (over: Partial<Skill> = {}): Skill => ({
  id: 's-1',
  skillId: 'amzn1.ask.skill.12345678-1234-1234-1234-123456789abc',
  name: 'Acme Home',
  createdAt: at,
  updatedAt: at,
  ...over,
})

export const aCase = (caseId: string, over: Partial<TestCase> = {}): TestCase => ({
  caseId,
  title: `Case ${caseId}`,
  category: 'Power',
  steps: 'Turn it on.',
  expected: 'It turns on.',
  required: true,
  ...over,
})

export const aPlanVersion = (over: Partial<PlanVersion> = {}): PlanVersion => ({
  id: 'v-1',
  planId: 'plan-1',
  name: 'WWA smart plug',
  version: 1,
  cases: [aCase('TC-1'), aCase('TC-2'), aCase('TC-3', { required: false })],
  source: { kind: 'typed', fileName: null, sha256: null },
  createdAt: at,
  updatedAt: at,
  ...over,
})

/** A draft session of aPlanVersion() on aUnit() of aProduct(), tested by person "jd" in North America. */
export const aSession = (over: Partial<Session> = {}): Session => {
  const plan = aPlanVersion()
  return {
    id: 's-1',
    productId: 'p-1',
    unitId: 'u-1',
    unitAsTested: { serialNumber: 'SN-0001', firmware: '1.2.3', hardwareRevision: 'B' },
    plan: { planId: plan.planId, versionId: plan.id, name: plan.name, version: plan.version, cases: plan.cases },
    testerId: 'jd',
    testerName: 'Jo Doe',
    region: 'NA',
    marketplaces: ['US'],
    state: 'draft',
    outcome: null,
    startedAt: null,
    completedAt: null,
    createdAt: at,
    updatedAt: at,
    ...over,
  }
}
