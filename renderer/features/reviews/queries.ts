import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { CatalogueForReview, ImageFacts } from '../../../core/rules/comparison/readiness-rows'
import { useRepos } from '../../app/services-context'
import type { Repositories } from '../../storage/repositories'

// Staleness is counted in whole days: reading the clock once an hour is close enough, and spares recomputing
// every review each minute.
function useHourClock(): Date {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 3_600_000)
    return () => clearInterval(timer)
  }, [])
  return now
}

/** The names and hashes of every image a review can compare: listing images, reference images, unit photos. */
export async function imagesOf(repos: Repositories, ids: readonly string[]): Promise<ReadonlyMap<string, ImageFacts>> {
  const unique = [...new Set(ids)]
  const [metas, hashes] = await Promise.all([repos.files.metas(unique), repos.files.imageHashes(unique)])
  return new Map(
    metas.map((meta) => {
      const hash = hashes.get(meta.id)
      return [meta.id, { name: meta.name, dHash: hash?.dHash ?? null, pHash: hash?.pHash ?? null }] as const
    }),
  )
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
  const images = await imagesOf(repos, comparedImageIds({ listings, products, units }))
  return { products, hubs, skills, units, sessions, listings, skillSnapshots, decisions, images, settings }
}

/** readReviewCatalogue(), live, with the clock read once an hour. Undefined while it loads. */
export function useReviewCatalogue(): CatalogueForReview | undefined {
  const repos = useRepos()
  const now = useHourClock()
  const loaded = useLiveQuery(() => readReviewCatalogue(repos), [repos])
  // One object per answer of the query (and per clock reading), so what is worked out from it is kept between renders.
  return useMemo(() => (loaded === undefined ? undefined : { ...loaded, now }), [loaded, now])
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
