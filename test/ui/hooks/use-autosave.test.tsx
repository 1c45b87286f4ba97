import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { freshLabDb } from '../../helpers/lab-db'
import { aProduct } from '../../helpers/records'
import { renderApp } from '../../helpers/render-app'

describe('nothing typed is lost', () => {
  it('keeps an edit that is not valid yet as a draft, and restores it when the product is opened again', async () => {
    const user = userEvent.setup()
    const db = freshLabDb()
    await db.products.put(aProduct())
    const first = renderApp('#/products/p-1', { db })
    await user.click(await screen.findByRole('button', { name: 'Add ASIN' }))
    const rows = screen.getAllByRole('textbox', { name: 'ASIN' })
    await user.type(rows[2]!, 'B0SHORT')
    await user.clear(screen.getByRole('textbox', { name: 'Product name' }))
    await user.type(screen.getByRole('textbox', { name: 'Product name' }), 'Acme Plug Mini')
    await waitFor(async () => expect(await db.drafts.count()).toBe(1))
    expect(screen.getByRole('status')).toHaveTextContent('What you typed is kept as a draft.')
    expect((await db.products.get('p-1'))?.name).toBe('Acme Smart Plug')
    first.unmount()

    renderApp('#/products/p-1', { db })
    expect(await screen.findByText(/Restored what you typed on/)).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Product name' })).toHaveValue('Acme Plug Mini')
    const asin = screen.getAllByRole('textbox', { name: 'ASIN' })[2]!
    expect(asin).toHaveValue('B0SHORT')
    expect(asin).toHaveAttribute('aria-invalid', 'true')

    await user.clear(asin)
    await user.type(asin, 'B0ABCDEF99')
    // Leaving the field ends the burst: the record is saved, and the draft dropped.
    await user.tab()
    await waitFor(async () => expect((await db.products.get('p-1'))?.name).toBe('Acme Plug Mini'))
    expect(await db.drafts.count()).toBe(0)
    expect(screen.queryByText(/Restored what you typed/)).not.toBeInTheDocument()
  })

  it('keeps what is typed while a draft write is still under way, and restores it after the window was killed', async () => {
    const user = userEvent.setup()
    const db = freshLabDb()
    await db.products.put(aProduct())
    const first = renderApp('#/products/p-1', { db })
    // The disk is slow: no draft write completes before the window dies.
    first.services.repos.drafts.keep = () => new Promise(() => undefined)
    const name = await screen.findByRole('textbox', { name: 'Product name' })
    await user.clear(name)
    await user.type(name, 'Acme Plug Mini')
    expect(await db.drafts.count()).toBe(0)
    first.unmount()

    // A new window over the same storage (main's journal, mirrored into localStorage at start).
    renderApp('#/products/p-1', { db })
    expect(await screen.findByText(/Restored what you typed on/)).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Product name' })).toHaveValue('Acme Plug Mini')
  })

  it('discards a restored draft when asked, back to the stored product', async () => {
    const user = userEvent.setup()
    const db = freshLabDb()
    await db.products.put(aProduct())
    await db.drafts.put({
      key: 'product:p-1',
      kind: 'product',
      recordId: 'p-1',
      title: 'Acme AC-100',
      value: { ...aProduct(), brand: '' },
      savedAt: '2099-01-01T00:00:00.000Z',
    })
    renderApp('#/products/p-1', { db })
    expect(await screen.findByRole('textbox', { name: 'Brand' })).toHaveValue('')
    await user.click(screen.getByRole('button', { name: 'Discard these changes' }))
    expect(screen.getByRole('textbox', { name: 'Brand' })).toHaveValue('Acme')
    await waitFor(async () => expect(await db.drafts.count()).toBe(0))
  })

  it('discards a restored draft that is valid, even after moving through its fields, back to the stored product', async () => {
    const user = userEvent.setup()
    const db = freshLabDb()
    await db.products.put(aProduct())
    await db.drafts.put({
      key: 'product:p-1',
      kind: 'product',
      recordId: 'p-1',
      title: 'Acme AC-100',
      value: { ...aProduct(), name: 'Acme Plug Mini' },
      savedAt: '2099-01-01T00:00:00.000Z',
    })
    renderApp('#/products/p-1', { db })
    const name = await screen.findByRole('textbox', { name: 'Product name' })
    expect(name).toHaveValue('Acme Plug Mini')
    // Into a field and out of it to the button, as a person reading before deciding.
    await user.click(name)
    await user.click(screen.getByRole('button', { name: 'Discard these changes' }))
    expect(screen.getByRole('textbox', { name: 'Product name' })).toHaveValue('Acme Smart Plug')
    await waitFor(async () => expect(await db.drafts.count()).toBe(0))
    expect((await db.products.get('p-1'))?.name).toBe('Acme Smart Plug')
  })

  it('lists a new product that was never valid, so it can be finished later', async () => {
    const user = userEvent.setup()
    const db = freshLabDb()
    const editor = renderApp('#/products/new', { db })
    await user.type(await screen.findByRole('textbox', { name: 'Brand' }), 'Zeta')
    await user.type(screen.getByRole('textbox', { name: 'Model number' }), 'Z-1')
    await waitFor(async () => expect(await db.drafts.count()).toBe(1))
    expect(window.location.hash).toMatch(/^#\/products\/[0-9a-f-]{36}$/)
    editor.unmount()

    renderApp('#/products', { db })
    const link = await screen.findByRole('link', { name: 'Zeta Z-1' })
    expect(link.getAttribute('href')).toMatch(/^#\/products\/[0-9a-f-]{36}$/)
    expect(await db.products.count()).toBe(0)
  })

  it('says plainly when a save fails, keeps the change, and saves it on Try again', async () => {
    const user = userEvent.setup()
    const db = freshLabDb()
    await db.products.put(aProduct())
    const app = renderApp('#/products/p-1', { db })
    const realSave = app.services.repos.products.save
    let failNext = true
    app.services.repos.products.save = async (product) => {
      if (failNext) {
        failNext = false
        throw Object.assign(new Error('Quota exceeded'), { name: 'QuotaExceededError' })
      }
      return realSave(product)
    }
    await user.type(await screen.findByRole('textbox', { name: 'Product name' }), ' X')
    await user.tab()
    expect(await screen.findByText(/The disk is full/)).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Product name' })).toHaveValue('Acme Smart Plug X')
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    await waitFor(async () => expect((await db.products.get('p-1'))?.name).toBe('Acme Smart Plug X'))
    expect(screen.getByRole('status')).toHaveTextContent('All changes saved.')
  })

  it('saves a burst of typing once, when the field is left, and a ticked box at once', async () => {
    const user = userEvent.setup()
    const db = freshLabDb()
    await db.products.put(aProduct())
    renderApp('#/products/p-1', { db })
    const entries = () => db.audit.count()
    const name = await screen.findByRole('textbox', { name: 'Product name' })
    await user.type(name, ' Mini')
    await waitFor(async () =>
      expect((await db.drafts.toArray())[0]?.value).toMatchObject({ name: 'Acme Smart Plug Mini' }),
    )
    expect(screen.getByRole('status')).toHaveTextContent('Editing: what you type is kept as a draft')
    expect(await entries()).toBe(0)
    await user.tab()
    await waitFor(async () => expect((await db.products.get('p-1'))?.name).toBe('Acme Smart Plug Mini'))
    expect(await entries()).toBe(1)
    expect(screen.getByRole('status')).toHaveTextContent('All changes saved.')
    expect(await db.drafts.count()).toBe(0)

    await user.click(screen.getByRole('checkbox', { name: 'France (FR)' }))
    await waitFor(async () => expect((await db.products.get('p-1'))?.marketplaces).toContain('FR'))
    expect(await entries()).toBe(2)
  })
})
