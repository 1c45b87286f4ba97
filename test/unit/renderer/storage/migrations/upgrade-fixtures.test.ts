import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { IDBFactory } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { verifyChain, type AuditEntry } from '../../../../../core/audit/audit-entry'
import { Hub } from '../../../../../core/model/hub'
import { LabProfile } from '../../../../../core/model/lab-profile'
import { ListingSnapshot, SkillStoreSnapshot } from '../../../../../core/model/listing-snapshot'
import { Product } from '../../../../../core/model/product'
import { Result } from '../../../../../core/model/result'
import { ReviewDecision } from '../../../../../core/model/review-decision'
import { FrozenPlan, frozenPlanId } from '../../../../../core/model/session'
import { Skill } from '../../../../../core/model/skill'
import { StoredFileMeta } from '../../../../../core/model/stored-file'
import { PlanVersion } from '../../../../../core/model/test-plan'
import { Unit } from '../../../../../core/model/unit'
import { knownVersion, type LabDb } from '../../../../../renderer/storage/lab-db'
import {
  decodeRow,
  fixturePath,
  fixtureText,
  installFixture,
  labDbOn,
  readFixture,
  storesAt,
  type SchemaFixture,
} from '../../../../fixtures/schema/fixture-format'
import { fixtureVersions, makeFixture } from '../../../../fixtures/schema/make-fixtures'

type Row = Record<string, unknown>
const rowsOf = (fixture: SchemaFixture, table: string) => (fixture.tables[table] ?? []).map(decodeRow) as Row[]
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const bytesOf = async (blob: unknown) => {
  if (!(blob instanceof Blob)) throw new Error(`Expected a Blob, got ${typeof blob}`)
  return new Uint8Array(await blob.arrayBuffer())
}

/** Version 3 names drafts by entity kind; version 2 named them by editor section. */
const draftKinds: Readonly<Record<string, string>> = {
  lab: 'lab-profile',
  products: 'product',
  hubs: 'hub',
  skills: 'skill',
  units: 'unit',
  plans: 'plan-version',
}

// The records each audit entry of the version 2 fixture concerns, as the upgrade must find them.
const expectedSubjects: Readonly<Record<number, readonly (readonly string[])[]>> = {
  2: [
    ['unit:u-1', 'product:p-1'],
    ['session:s-1', 'product:p-1'],
    ['result:s-1/TC-1', 'session:s-1', 'product:p-1'],
    ['result:s-1/TC-2', 'session:s-1', 'product:p-1'],
    ['session:s-2', 'product:p-1'],
    ['unit:u-9', 'product:p-2'], // deleted since: its product comes from the entry itself
  ],
}

async function upgraded(fixture: SchemaFixture): Promise<LabDb> {
  const factory = new IDBFactory()
  await installFixture(factory, fixture)
  const db = labDbOn(factory)
  await db.open()
  return db
}

const withoutSubjects = ({ subjects: _subjects, ...entry }: Row) => entry

describe('every released schema version has a fixture', () => {
  it('for each version before the newest, checked in beside the script that made it', async () => {
    expect(fixtureVersions).toEqual(Array.from({ length: knownVersion - 1 }, (_, index) => index + 1))
    for (const version of fixtureVersions) await expect(readFile(fixturePath(version), 'utf8')).resolves.toBeTruthy()
  })
})

describe.each(fixtureVersions)('the schema version %i fixture', (version) => {
  it('is exactly what the script makes: the script is deterministic and the checked-in file is its output', async () => {
    const committed = await readFile(fixturePath(version), 'utf8')
    expect(await fixtureText(await makeFixture(version))).toBe(committed)
  })

  it('declares the stores the released migrations declare at that version, and has rows in them', async () => {
    const fixture = await readFixture(version)
    expect(fixture.schemaVersion).toBe(version)
    expect(fixture.stores).toEqual(storesAt(version))
    expect(Object.keys(fixture.tables).sort()).toEqual(Object.keys(storesAt(version)).sort())
    for (const [table, rows] of Object.entries(fixture.tables)) expect(rows.length, table).toBeGreaterThan(0)
  })

  it(`upgrades to version ${knownVersion} with every record counted and carried over`, async () => {
    const fixture = await readFixture(version)
    const db = await upgraded(fixture)
    expect(db.verno).toBe(knownVersion)

    // Counts: every table the release had keeps its rows; the derived tables hold one row per plan and per frozen copy.
    const sessions = rowsOf(fixture, 'sessions') as (Row & { plan: FrozenPlan })[]
    const planVersions = rowsOf(fixture, 'planVersions')
    const expectedCounts: Record<string, number> = Object.fromEntries(db.tables.map((table) => [table.name, 0]))
    for (const [table, rows] of Object.entries(fixture.tables)) expectedCounts[table] = rows.length
    if (version < 3) {
      expectedCounts['frozenPlans'] = new Set(sessions.map((session) => frozenPlanId(session.plan))).size
      expectedCounts['planSummaries'] = new Set(planVersions.map((row) => row['planId'])).size
    }
    const counts = Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.count()] as const)))
    expect(counts).toEqual(expectedCounts)

    // Tables no migration changes come back field for field, and today's models still accept every row.
    const unchanged: readonly (readonly [string, z.ZodType | undefined])[] = [
      ['profile', LabProfile],
      ['products', Product],
      ['hubs', Hub],
      ['skills', Skill],
      ['units', Unit],
      ['planVersions', PlanVersion],
      ['settings', undefined],
      // Version 4 only adds indexes: what version 3 wrote comes back as it was.
      ...(version >= 3
        ? ([
            ['sessions', undefined],
            ['frozenPlans', FrozenPlan],
            ['planSummaries', undefined],
            ['results', Result],
            ['drafts', undefined],
            ['audit', undefined],
          ] satisfies (readonly [string, z.ZodType | undefined])[])
        : []),
      // Version 6 changes only the image hashes of the stores version 5 added.
      ['listingSnapshots', ListingSnapshot],
      ['skillSnapshots', SkillStoreSnapshot],
      ['reviewDecisions', ReviewDecision],
    ]
    for (const [table, model] of unchanged) {
      const rows = await db.table(table).toArray()
      expect(rows, table).toEqual(rowsOf(fixture, table))
      for (const row of rows) if (model !== undefined) expect(model.safeParse(row).error, table).toBeUndefined()
    }

    // Version 4: where each person appears is one index read, for rows every release wrote.
    const trailRows = rowsOf(fixture, 'audit') as { actor: { id: string } }[]
    for (const actorId of new Set(trailRows.map((entry) => entry.actor.id))) {
      const expected = trailRows.filter((entry) => entry.actor.id === actorId).length
      expect(await db.audit.where('actor.id').equals(actorId).count(), actorId).toBe(expected)
    }
    for (const testerId of new Set(sessions.map((session) => String(session['testerId'])))) {
      const expected = sessions.filter((session) => session['testerId'] === testerId).length
      expect(await db.sessions.where('testerId').equals(testerId).count(), testerId).toBe(expected)
    }
    await checkFilesUnchanged(db, fixture)
    await checkVersion6Upgrade(db, fixture, version)
    if (version < 3) await checkVersion3Upgrade(db, fixture, version)
    db.close()
  })
})

/** Every stored file and thumbnail, whichever migrations read them: Blobs byte-identical, of the same type, and still matching the SHA-256 their row records. */
async function checkFilesUnchanged(db: LabDb, fixture: SchemaFixture): Promise<void> {
  for (const table of ['files', 'thumbnails']) {
    const keyOf = (row: Row) => String(row['id'] ?? row['fileId'])
    const expected = new Map(rowsOf(fixture, table).map((row) => [keyOf(row), row]))
    for (const row of (await db.table(table).toArray()) as Row[]) {
      const before = expected.get(keyOf(row))
      const { blob, ...meta } = row
      const { blob: blobBefore, ...metaBefore } = before ?? {}
      expect(meta).toEqual(metaBefore)
      expect(await bytesOf(blob)).toEqual(await bytesOf(blobBefore))
      expect((blob as Blob).type).toBe((blobBefore as Blob).type)
      if (table === 'files') {
        expect(StoredFileMeta.safeParse(meta).error).toBeUndefined()
        expect(sha256(await bytesOf(blob))).toBe(meta['sha256'])
      }
    }
  }
}

/**
 * What the version 6 migration promises: every image hash row as it was, plus the name of its file, or the name
 * the readiness view gave an image whose file it could not find ('Image'); no row dropped.
 */
async function checkVersion6Upgrade(db: LabDb, fixture: SchemaFixture, version: number): Promise<void> {
  const names = new Map(rowsOf(fixture, 'files').map((file) => [String(file['id']), String(file['name'])]))
  const before = rowsOf(fixture, 'imageHashes')
  const expected = before.map((row) => ({ ...row, name: names.get(String(row['fileId'])) ?? 'Image' }))
  expect(await db.imageHashes.toArray()).toEqual(expected)
  // The fixture holds both cases the migration handles: a hash row whose file is there, and one whose file is not.
  if (version >= 5) {
    expect(before.some((row) => names.has(String(row['fileId'])))).toBe(true)
    expect(before.some((row) => !names.has(String(row['fileId'])))).toBe(true)
  }
}

/** What the version 3 migration promises for a database an older release wrote. */
async function checkVersion3Upgrade(db: LabDb, fixture: SchemaFixture, version: number): Promise<void> {
  {
    const sessions = rowsOf(fixture, 'sessions') as (Row & { plan: FrozenPlan })[]
    const planVersions = rowsOf(fixture, 'planVersions')

    // Drafts keyed by entity kind; a draft of a section version 3 does not know stays as it was.
    const drafts = rowsOf(fixture, 'drafts').map((draft) => {
      const kind = draftKinds[String(draft['kind'])]
      return kind === undefined ? draft : { ...draft, kind, key: `${kind}:${String(draft['recordId'])}` }
    })
    expect(sortBy(await db.drafts.toArray(), 'key')).toEqual(sortBy(drafts, 'key'))

    // Sessions: every field but the cases stays in the row; the cases move to the frozen copy the row names.
    for (const session of sessions) {
      const { cases, ...plan } = session.plan
      const frozenId = frozenPlanId(session.plan)
      expect(await db.sessions.get(String(session['id']))).toEqual({
        ...session,
        plan: { ...plan, caseCount: cases.length, frozenId },
      })
      expect(await db.frozenPlans.get(frozenId)).toEqual({ ...session.plan, id: frozenId })
    }

    // Results: every field, plus the plan of their session.
    const planOfSession = new Map(sessions.map((session) => [session['id'], session.plan.planId]))
    for (const result of rowsOf(fixture, 'results')) {
      const row = await db.results.get([String(result['sessionId']), String(result['caseId'])])
      expect(row).toEqual({ ...result, planId: planOfSession.get(result['sessionId']) })
      expect(Result.safeParse(row).error).toBeUndefined()
    }

    // Plan summaries: the newest version's header and the number of versions of each plan.
    for (const summary of await db.planSummaries.toArray()) {
      const versions = planVersions.filter((row) => row['planId'] === summary.planId)
      const newest = versions.reduce((a, b) => (Number(b['version']) > Number(a['version']) ? b : a))
      const { cases, ...header } = newest
      expect(summary).toEqual({
        planId: summary.planId,
        latest: { ...header, caseCount: (cases as unknown[]).length },
        versionCount: versions.length,
      })
    }

    // The audit trail: every sealed field as it was, the chain still verifying, and each entry's subjects found.
    const audit = await db.audit.orderBy('seq').toArray()
    const trail = rowsOf(fixture, 'audit')
    expect(audit.map(withoutSubjects)).toEqual(trail)
    expect(verifyChain(audit)).toEqual({ intact: true, count: trail.length })
    if (trail.length > 0) expect(audit.map((entry) => entry.subjects)).toEqual(expectedSubjects[version])
    expect(verifyChain(trail as AuditEntry[])).toEqual({ intact: true, count: trail.length })
  }
}

const sortBy = <T>(rows: readonly T[], key: string) =>
  [...rows].sort((a, b) => String((a as Row)[key]).localeCompare(String((b as Row)[key])))
