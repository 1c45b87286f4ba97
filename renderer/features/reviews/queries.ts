import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { CatalogueForReview, ImageFacts } from '../../../core/rules/comparison/readiness-rows'
import { useRepos } from '../../app/services-context'
import type { Repositories } from '../../storage/repositories'

const hourMs = 3_600_000

// Staleness is counted in whole days: reading the clock once an hour is close enough, and spares recomputing
// every review each minute. A reading under an hour old (the last open's) is taken up again.
function useHourClock(earlier: Date | undefined): Date {
  const [now, setNow] = useState(() =>
    earlier !== undefined && Date.now() - earlier.getTime() < hourMs ? earlier : new Date(),
  )
  useEffect(() => {
    // The next reading an hour after this one, however old it was when taken up.
    let timer = setTimeout(
      function tick() {
        setNow(new Date())
        timer = setTimeout(tick, hourMs)
      },
      Math.max(0, hourMs - (Date.now() - now.getTime())),
    )
    return () => clearTimeout(timer)
    // The clock is set once per mount: later readings come from the timer itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  return now
}

/**
 * The names and hashes of every image a review can compare: listing images, reference images, unit photos. Read
 * from the image hashes alone (one request for a whole lab's), the files only for images never hashed.
 */
export function imagesOf(repos: Repositories, ids: readonly string[]): Promise<ReadonlyMap<string, ImageFacts>> {
  return repos.files.imageFacts([...new Set(ids)])
}

/** Every image the reviews compare: the listings' images, the products' reference images and the units' photos. */
export const comparedImageIds = (c: Pick<CatalogueForReview, 'listings' | 'products' | 'units'>): string[] => [
  ...c.listings.flatMap((s) => s.imageIds),
  ...c.products.flatMap((p) => p.referencePhotoIds),
  ...c.units.flatMap((u) => u.photos.map((photo) => photo.fileId)),
]

/** What every review reads: the catalogue, the tested units and sessions, the newest captures, every decision and the images they compare. */
export async function readReviewCatalogue(repos: Repositories): Promise<Omit<CatalogueForReview, 'now'>> {
  const [products, hubs, skills, units, sessions, listings, skillSnapshots, decisions, settings] = await Promise.all([
    repos.products.list(),
    repos.hubs.list(),
    repos.skills.list(),
    repos.units.list(),
    repos.sessions.list(),
    repos.listings.newestOfEach(),
    repos.listings.newestSkillOfEach(),
    repos.reviews.all(),
    repos.profile.comparisonSettings(),
  ])
  // After the lists, not beside them: knowing which images are compared, imageFacts reads them by key when they are
  // few among the lab's hashed images (years of evidence photos are hashed too), in one request when they are most.
  const images = await imagesOf(repos, comparedImageIds({ listings, products, units }))
  return { products, hubs, skills, units, sessions, listings, skillSnapshots, decisions, images, settings }
}

/** Every table readReviewCatalogue() reads (a test holds it to that): a write to any other cannot change a review. */
export const catalogueTables = [
  'products',
  'hubs',
  'skills',
  'units',
  'sessions',
  'listingSnapshots',
  'skillSnapshots',
  'reviewDecisions',
  'profile',
  'imageHashes',
  'files',
] as const

type Loaded = Awaited<ReturnType<typeof readReviewCatalogue>>
type Shown = { readonly repos: Repositories } & ({ readonly loaded: Loaded } | { readonly error: unknown })
type Kept = {
  /** The writes to the catalogue's tables counted before it was read: while still the count, it is current. */
  readonly writes: number
  readonly loaded: Loaded
  /** The catalogue last given out with its clock reading, so an open within the hour gives the very same object. */
  withClock?: CatalogueForReview
}

/**
 * The catalogue last read for each open database, kept between opens of the review pages: reading a lab of
 * 9,000 listings takes longer than drawing them, and a page opened again with nothing written since shows what
 * it showed at once.
 */
const kept = new WeakMap<Repositories, Kept>()

const keptFor = (repos: Repositories): Shown | undefined => {
  const known = current(repos)
  return known === undefined ? undefined : { repos, loaded: known.loaded }
}

const current = (repos: Repositories): Kept | undefined => {
  const known = kept.get(repos)
  return known !== undefined && known.writes === repos.writes.count(catalogueTables) ? known : undefined
}

/**
 * readReviewCatalogue(), read again after every write to its tables while a page shows it, with the clock read once
 * an hour; kept for the next open while nothing is written. Undefined while it loads.
 */
export function useReviewCatalogue(): CatalogueForReview | undefined {
  const repos = useRepos()
  // A catalogue kept from the last open, with nothing written since, is shown at once.
  const [state, setState] = useState<Shown | undefined>(() => keptFor(repos))
  const now = useHourClock(kept.get(repos)?.withClock?.now)
  useEffect(() => {
    let open = true
    let reading = false
    let again = false
    const read = async () => {
      if (reading) {
        again = true
        return
      }
      reading = true
      try {
        do {
          again = false
          const writes = repos.writes.count(catalogueTables)
          const loaded = await readReviewCatalogue(repos)
          if (!open) return
          kept.set(repos, { writes, loaded })
          setState({ repos, loaded })
        } while (again)
      } catch (error) {
        if (open) setState({ repos, error })
      } finally {
        reading = false
      }
    }
    const stop = repos.writes.onWrite(catalogueTables, () => void read())
    if (current(repos) === undefined) void read()
    return () => {
      open = false
      stop()
    }
  }, [repos])
  // A catalogue kept for this database shows until this page has read its own (a page that switched databases too).
  const shown: Shown | undefined = state?.repos === repos ? state : keptFor(repos)
  if (shown !== undefined && 'error' in shown) throw shown.error
  const loaded = shown?.loaded
  return useMemo(() => (loaded === undefined ? undefined : withClock(repos, loaded, now)), [repos, loaded, now])
}

/** The catalogue with this clock reading: the object given out last time when both are the same. */
function withClock(repos: Repositories, loaded: Loaded, now: Date): CatalogueForReview {
  const entry = kept.get(repos)
  const last = entry?.withClock
  if (last !== undefined && entry?.loaded === loaded && last.now === now) return last
  const made = { ...loaded, now }
  if (entry?.loaded === loaded) entry.withClock = made
  return made
}

/** Every capture of one listing, newest first; undefined while it loads. */
export function useListingHistory(asin: string, marketplace: string) {
  const repos = useRepos()
  return useLiveQuery(() => repos.listings.history(asin, marketplace), [repos, asin, marketplace])
}

/**
 * Hashes, in the background and once per page, the images a review compares that
 * were stored before hashes existed (decoded in the image workers); the reviews
 * that use them update as each batch is written.
 */
export function useHashingOfOlderImages(catalogue: Pick<CatalogueForReview, 'images'> | undefined): void {
  const repos = useRepos()
  const asked = useRef(new Set<string>())
  const unhashed = catalogue ? [...catalogue.images].filter(([, facts]) => facts.dHash === null).map(([id]) => id) : []
  const key = unhashed.join(',')
  useEffect(() => {
    // Each image is asked for once per page: one that cannot be decoded is not tried again on every change.
    const fresh = key.split(',').filter((id) => id !== '' && !asked.current.has(id))
    for (const id of fresh) asked.current.add(id)
    if (fresh.length > 0) void repos.files.hashImages(fresh)
  }, [repos, key])
}
