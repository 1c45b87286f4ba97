import Dexie from 'dexie'
import type { EntityRef } from '../../../../core/model/entity'
import { captureClockLeewayMs, ListingSnapshot, SkillStoreSnapshot } from '../../../../core/model/listing-snapshot'
import { countOf } from '../../../../core/text/plural'
import type { Outcome } from '../../../../core/outcome'
import { auditChanges, changeOf, type AuditContext, type RecordChange } from '../../audit-log'
import type { LabDb } from '../../lab-db'
import { newestFirst } from '../../newest-first'
import { attempt, refuse, validate } from '../../storage-problems'

/** What a person or an import says a page showed; who captured it, and when unless the import says, are filled in. */
export type ListingCapture = Omit<ListingSnapshot, 'id' | 'capturedAt' | 'capturedBy'> & {
  /** When the page was seen, for captures imported after the fact; now when absent. */
  readonly capturedAt?: string
}
export type SkillCapture = Omit<SkillStoreSnapshot, 'id' | 'capturedAt' | 'capturedBy'> & {
  readonly capturedAt?: string
}

export type ListingsRepo = {
  get(id: string): Promise<ListingSnapshot | undefined>
  /**
   * Stores a new snapshot, captured by whoever is working; audited under every
   * product that lists the ASIN. Refused, storing nothing, when a field is not
   * valid, an image is not a stored file, or the capture time is in the future.
   */
  capture(listing: ListingCapture): Promise<Outcome<ListingSnapshot>>
  /** Stores every snapshot or none (an import): refused with the first one that is not valid, named by its place. */
  captureAll(listings: readonly ListingCapture[]): Promise<Outcome<ListingSnapshot[]>>
  /** Every snapshot of one ASIN in one marketplace, newest first: the history a reviewer reads. */
  history(asin: string, marketplace: string): Promise<ListingSnapshot[]>
  /** The newest snapshot of every ASIN in every marketplace, as the readiness matrix reads them. */
  newestOfEach(): Promise<ListingSnapshot[]>
  captureSkill(snapshot: SkillCapture): Promise<Outcome<SkillStoreSnapshot>>
  /** Every skill-store snapshot of one skill in one marketplace, newest first. */
  skillHistory(skillId: string, marketplace: string): Promise<SkillStoreSnapshot[]>
  /** The newest skill-store snapshot of every skill in every marketplace. */
  newestSkillOfEach(): Promise<SkillStoreSnapshot[]>
}

/** The last of each run of rows read in [key+marketplace+capturedAt] order: the newest of each. */
function lastOfEach<T extends { readonly marketplace: string }>(rows: readonly T[], key: (row: T) => string): T[] {
  const newest: T[] = []
  rows.forEach((row, index) => {
    const next = rows[index + 1]
    if (next === undefined || key(next) !== key(row) || next.marketplace !== row.marketplace) newest.push(row)
  })
  return newest
}

export function createListingsRepo(db: LabDb, audit: AuditContext): ListingsRepo {
  const capturedNow = (at: string | undefined, where: string) => {
    const now = audit.now()
    if (at !== undefined && Date.parse(at) > now.getTime() + captureClockLeewayMs)
      throw refuse('invalid', `${where}The capture time ${at} is in the future.`, 'capturedAt')
    const actor = audit.actor()
    // Stored in one spelling (milliseconds, Z), so the history's index orders captures by time.
    const spelled = at !== undefined && !Number.isNaN(Date.parse(at)) ? new Date(at).toISOString() : at
    return { capturedAt: spelled ?? now.toISOString(), capturedBy: { id: actor.id, name: actor.name } }
  }

  /** The snapshot as stored, or the refusal that names what is wrong (and, in an import, which one). */
  const snapshotOf = (capture: ListingCapture, where: string): ListingSnapshot => {
    const { capturedAt, ...fields } = capture
    const valid = validate(ListingSnapshot, { ...fields, id: crypto.randomUUID(), ...capturedNow(capturedAt, where) })
    if (!valid.ok) throw refuse('invalid', `${where}${valid.problem.message}`, valid.problem.field)
    return valid.value
  }

  /** The products that list each ASIN in the marketplace, so a capture shows in their trails. */
  const listingProducts = async (): Promise<Map<string, EntityRef[]>> => {
    const byListing = new Map<string, EntityRef[]>()
    for (const product of await db.products.toArray())
      for (const { asin, marketplace } of product.asins) {
        const key = `${asin}|${marketplace}`
        byListing.set(key, [...(byListing.get(key) ?? []), { kind: 'product', id: product.id }])
      }
    return byListing
  }

  const store = (captures: readonly ListingCapture[], where: (index: number) => string) =>
    attempt(() =>
      db.transaction('rw', [db.listingSnapshots, db.files, db.products, db.audit], async () => {
        const snapshots = captures.map((capture, index) => snapshotOf(capture, where(index)))
        const imageIds = [...new Set(snapshots.flatMap((snapshot) => snapshot.imageIds))]
        const files = await db.files.bulkGet(imageIds)
        const missing = imageIds.filter((_, index) => files[index] === undefined)
        if (missing.length > 0)
          throw refuse(
            'not-found',
            `${countOf(missing.length, 'image of the capture is', 'images of the capture are')} not stored any more; add ${missing.length === 1 ? 'it' : 'them'} again.`,
            'imageIds',
          )
        // A capture of the same page at the same moment is one already kept (a file imported twice): snapshots are
        // never removed, and two at one moment would leave "the newest" to chance.
        const keys = snapshots.map((s) => [s.asin, s.marketplace, s.capturedAt])
        const kept = await db.listingSnapshots.where('[asin+marketplace+capturedAt]').anyOf(keys).first()
        if (kept !== undefined) {
          const index = snapshots.findIndex(
            (s) => s.asin === kept.asin && s.marketplace === kept.marketplace && s.capturedAt === kept.capturedAt,
          )
          throw refuse(
            'invalid',
            `${where(index)}${kept.asin} in ${kept.marketplace} was already captured at ${kept.capturedAt} (by ${kept.capturedBy.name}): was this file imported before? Give the capture its own time, or leave it out.`,
            'capturedAt',
          )
        }
        const products = await listingProducts()
        await db.listingSnapshots.bulkAdd(snapshots)
        const changes: RecordChange[] = snapshots.map((snapshot) =>
          changeOf(
            'listing-snapshot',
            snapshot.id,
            snapshot,
            undefined,
            snapshot,
            products.get(`${snapshot.asin}|${snapshot.marketplace}`),
          ),
        )
        await auditChanges(db, audit, changes)
        return snapshots
      }),
    )

  return {
    get: (id) => db.listingSnapshots.get(id),
    async capture(listing) {
      const stored = await store([listing], () => '')
      return stored.ok ? { ok: true, value: stored.value[0] as ListingSnapshot } : stored
    },
    captureAll: (listings) =>
      store(listings, (index) =>
        listings.length === 1 ? '' : `Listing ${index + 1} of ${listings.length} (${String(listings[index]?.asin)}): `,
      ),
    history: async (asin, marketplace) =>
      newestFirst(
        await db.listingSnapshots
          .where('[asin+marketplace+capturedAt]')
          .between([asin, marketplace, Dexie.minKey], [asin, marketplace, Dexie.maxKey])
          .toArray(),
      ),
    newestOfEach: async () =>
      lastOfEach(await db.listingSnapshots.orderBy('[asin+marketplace+capturedAt]').toArray(), (row) => row.asin),
    captureSkill: (capture) =>
      attempt(() =>
        db.transaction('rw', [db.skillSnapshots, db.skills, db.audit], async () => {
          const { capturedAt, ...fields } = capture
          const valid = validate(SkillStoreSnapshot, {
            ...fields,
            id: crypto.randomUUID(),
            ...capturedNow(capturedAt, ''),
          })
          if (!valid.ok) throw refuse('invalid', valid.problem.message, valid.problem.field)
          await db.skillSnapshots.add(valid.value)
          // Audited under the skill records of this skill ID, so a skill's trail shows what the store said of it.
          const skills = await db.skills.where('skillId').equals(valid.value.skillId).primaryKeys()
          const parents = skills.map((id): EntityRef => ({ kind: 'skill', id: String(id) }))
          await auditChanges(db, audit, [
            changeOf('skill-snapshot', valid.value.id, valid.value, undefined, valid.value, parents),
          ])
          return valid.value
        }),
      ),
    skillHistory: async (skillId, marketplace) =>
      newestFirst(
        await db.skillSnapshots
          .where('[skillId+marketplace+capturedAt]')
          .between([skillId, marketplace, Dexie.minKey], [skillId, marketplace, Dexie.maxKey])
          .toArray(),
      ),
    newestSkillOfEach: async () =>
      lastOfEach(await db.skillSnapshots.orderBy('[skillId+marketplace+capturedAt]').toArray(), (row) => row.skillId),
  }
}
