import { act, render, screen } from '@testing-library/react'
import type { DBCore } from 'dexie'
import { describe, expect, it } from 'vitest'
import { ServicesProvider } from '../../../../renderer/app/services-context'
import { createWorkingAsStore } from '../../../../renderer/app/working-as-store'
import { catalogueTables, readReviewCatalogue, useReviewCatalogue } from '../../../../renderer/features/reviews/queries'
import { createRepositories, type Repositories } from '../../../../renderer/storage/repositories'
import { freshLabDb } from '../../../helpers/lab-db'
import { aListing } from '../../../helpers/listing-snapshots'
import { aProduct, aUnit } from '../../../helpers/records'
import { cancellingLab } from '../../../helpers/render-app'

/** A lab with a product, a unit with a photo and a listing naming an image never hashed, every table's reads noted. */
async function lab() {
  const db = freshLabDb()
  const read = new Set<string>()
  db.use({
    stack: 'dbcore',
    name: 'note-reads',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const table = down.table(name)
        const noted =
          <A extends unknown[], R>(call: (...args: A) => R) =>
          (...args: A): R => {
            read.add(name)
            return call(...args)
          }
        return {
          ...table,
          get: noted(table.get),
          getMany: noted(table.getMany),
          query: noted(table.query),
          openCursor: noted(table.openCursor),
          count: noted(table.count),
        }
      },
    }),
  })
  const repos = createRepositories(db, {
    probeImage: () => Promise.reject(new Error('no image decoding in happy-dom')),
  })
  await db.products.put(aProduct({ id: 'p-1', referencePhotoIds: ['ref-1'] }))
  await db.units.put(aUnit({ id: 'u-1', productId: 'p-1', photos: [{ fileId: 'photo-1', role: 'front' }] }))
  await db.listingSnapshots.put(aListing({ id: 'ls-1', imageIds: ['never-hashed'] }))
  read.clear()
  return { db, repos, read }
}

function Shows() {
  const catalogue = useReviewCatalogue()
  return <p>{catalogue === undefined ? 'Loading…' : `${catalogue.products.length} products`}</p>
}

const shown = (repos: Repositories) =>
  render(
    <ServicesProvider
      services={{
        repos,
        workingAs: createWorkingAsStore(),
        lab: cancellingLab,
        persistence: 'not-persisted',
      }}
    >
      <Shows />
    </ServicesProvider>,
  )

describe('the review catalogue', () => {
  it('reads no table but those it names: a write to any other cannot change a review', async () => {
    const { repos, read } = await lab()
    await readReviewCatalogue(repos)
    expect([...read].sort()).toEqual([...catalogueTables].sort())
  })

  it('is kept between opens while nothing is written to its tables, and read again after a write', async () => {
    const { db, repos, read } = await lab()
    const first = shown(repos)
    expect(screen.getByText('Loading…')).toBeInTheDocument()
    await screen.findByText('1 products')
    first.unmount()

    // Nothing written since: the second open shows the catalogue at its first render, reading nothing.
    read.clear()
    const second = shown(repos)
    expect(screen.getByText('1 products')).toBeInTheDocument()
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
    expect(read.size).toBe(0)

    // A write while it shows: read again, and shown.
    await act(() => db.products.put(aProduct({ id: 'p-2', modelNumber: 'AC-200' })))
    await screen.findByText('2 products')
    second.unmount()

    // A write to another table keeps it; one to its tables while closed makes the next open read again.
    await db.settings.put({ key: 'theme', value: 'dark' })
    shown(repos).unmount()
    await db.products.delete('p-2')
    shown(repos)
    expect(screen.getByText('Loading…')).toBeInTheDocument()
    await screen.findByText('1 products')
  })
})
