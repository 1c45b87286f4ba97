import { render, screen } from '@testing-library/react'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { start } from '../../../renderer/app/start'
import { knownVersion, LabDb } from '../../../renderer/storage/lab-db'
import { cancellingLab } from '../../helpers/render-app'

const probeImage = () => Promise.reject(new Error('not used'))

const request = <T,>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })

/** A database as a newer WWA Lab would leave it: a higher version, a store this build does not know, and a record in it. */
async function writtenByNewerRelease(factory: IDBFactory, name: string, version: number): Promise<void> {
  const open = factory.open(name, version * 10)
  open.onupgradeneeded = () =>
    open.result.createObjectStore('storesOfALaterRelease', { keyPath: 'id' }).put({ id: 'snap-1', asin: 'B0ABCDEF12' })
  ;(await request(open)).close()
}

describe('start-up', () => {
  it('shows the recovery screen for a database a newer release wrote, and changes nothing in it', async () => {
    const factory = new IDBFactory()
    const newer = knownVersion + 7
    await writtenByNewerRelease(factory, 'wwa-lab-test', newer)

    render(
      await start({
        db: new LabDb('wwa-lab-test', { indexedDB: factory, IDBKeyRange }),
        indexedDB: factory,
        lab: cancellingLab,
        probeImage,
      }),
    )

    expect(screen.getByRole('heading', { name: 'WWA Lab cannot open the lab’s data' })).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent(
      `written by a newer version of WWA Lab (storage version ${newer}); this version knows storage up to version ${knownVersion}`,
    )
    expect(screen.getByText('Nothing was changed or deleted.')).toBeInTheDocument()
    expect(screen.queryByRole('navigation', { name: 'Sections' })).not.toBeInTheDocument()

    // The database is exactly as the newer release left it: same version, only its own store, its record still there.
    const reopened = await request(factory.open('wwa-lab-test'))
    expect(reopened.version).toBe(newer * 10)
    expect([...reopened.objectStoreNames]).toEqual(['storesOfALaterRelease'])
    expect(
      await request(reopened.transaction('storesOfALaterRelease').objectStore('storesOfALaterRelease').get('snap-1')),
    ).toEqual({ id: 'snap-1', asin: 'B0ABCDEF12' })
    reopened.close()
  })

  it('says what failed when the database does not open at all, and opens nothing else', async () => {
    const factory = new IDBFactory()
    class FailingDb extends LabDb {
      override open(): never {
        throw Object.assign(new Error('Internal error opening backing store for indexedDB.open.'), {
          name: 'UnknownError',
        })
      }
    }
    render(
      await start({
        db: new FailingDb('wwa-lab-test', { indexedDB: factory, IDBKeyRange }),
        indexedDB: factory,
        lab: cancellingLab,
        probeImage,
      }),
    )
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The database did not open: UnknownError: Internal error opening backing store',
    )
    expect(screen.getByText(/Close every other WWA Lab window and restart WWA Lab/)).toBeInTheDocument()
  })

  it('opens the app on a database this release knows', async () => {
    const factory = new IDBFactory()
    render(
      await start({
        db: new LabDb('wwa-lab-test', { indexedDB: factory, IDBKeyRange }),
        indexedDB: factory,
        lab: cancellingLab,
        probeImage,
      }),
    )
    expect(await screen.findByRole('navigation', { name: 'Sections' })).toBeInTheDocument()
  })
})
