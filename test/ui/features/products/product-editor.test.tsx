import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../../../helpers/render-app'

async function fillIdentity(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByRole('textbox', { name: 'Brand' }), 'Acme')
  await user.type(screen.getByRole('textbox', { name: 'Model number' }), 'AC-100')
  await user.type(screen.getByRole('textbox', { name: 'Product name' }), 'Acme Smart Plug')
  await user.type(screen.getByRole('combobox', { name: 'Device type' }), 'Plug')
  await user.click(screen.getByRole('checkbox', { name: 'United States (US)' }))
}

describe('product editor', () => {
  it('saves a valid product as it is typed, with an ASIN in a requested marketplace', async () => {
    const user = userEvent.setup()
    const { db } = renderApp('#/products/new')
    await fillIdentity(user)
    await user.click(screen.getByRole('button', { name: 'Add ASIN' }))
    await user.type(screen.getByRole('textbox', { name: 'ASIN' }), 'B0ABCDEF12')
    // Leaving the field ends the burst of typing: the record is saved then.
    await user.tab()
    await waitFor(async () =>
      expect((await db.products.toArray())[0]?.asins).toEqual([
        { marketplace: 'US', asin: 'B0ABCDEF12', variation: '' },
      ]),
    )
    expect(screen.getByRole('status')).toHaveTextContent('All changes saved.')
    expect(window.location.hash).toMatch(/^#\/products\/[0-9a-f-]{36}$/)
  })

  it('shows a clear message at an invalid ASIN and saves nothing of it', async () => {
    const user = userEvent.setup()
    const { db } = renderApp('#/products/new')
    await fillIdentity(user)
    await waitFor(async () => expect(await db.products.count()).toBe(1))
    await user.click(screen.getByRole('button', { name: 'Add ASIN' }))
    const asin = screen.getByRole('textbox', { name: 'ASIN' })
    await user.type(asin, 'B0ABC')
    expect(asin).toHaveAttribute('aria-invalid', 'true')
    expect(asin).toHaveAccessibleDescription(/10 characters/)
    expect(screen.getByRole('status')).toHaveTextContent(/Not saved/)
    await new Promise((r) => setTimeout(r, 400))
    expect((await db.products.toArray())[0]?.asins).toEqual([])
  })

  it('names the expected check digit when a UPC is wrong, and saves nothing of it', async () => {
    const user = userEvent.setup()
    const { db } = renderApp('#/products/new')
    await fillIdentity(user)
    await waitFor(async () => expect(await db.products.count()).toBe(1))
    await user.click(screen.getByRole('button', { name: 'Add retail identifier' }))
    const code = screen.getByRole('textbox', { name: 'Code' })
    await user.type(code, '036000291453')
    expect(code).toHaveAccessibleDescription(/check digit should be 2/i)
    await new Promise((r) => setTimeout(r, 400))
    expect((await db.products.toArray())[0]?.retailIds).toEqual([])
    await user.clear(code)
    await user.type(code, '036000291452')
    await user.tab()
    await waitFor(async () =>
      expect((await db.products.toArray())[0]?.retailIds).toEqual([{ kind: 'UPC-A', value: '036000291452' }]),
    )
  })

  it('does not shout about empty fields on a new product until they are touched or asked for', async () => {
    const user = userEvent.setup()
    renderApp('#/products/new')
    const brand = await screen.findByRole('textbox', { name: 'Brand' })
    const model = screen.getByRole('textbox', { name: 'Model number' })
    expect(brand).not.toHaveAttribute('aria-invalid')
    await user.type(brand, 'A')
    await user.clear(brand)
    expect(brand).toHaveAccessibleDescription('Brand is required.')
    expect(model).not.toHaveAttribute('aria-invalid')
    await user.click(screen.getByRole('button', { name: 'Show what is missing' }))
    expect(model).toHaveAccessibleDescription('Model number is required.')
    // The cursor goes to the first field that needs attention.
    await waitFor(() => expect(brand).toHaveFocus())
  })

  it('groups the marketplaces by Amazon region', async () => {
    renderApp('#/products/new')
    const europe = await screen.findByRole('group', { name: 'Europe' })
    expect(within(europe).getByRole('checkbox', { name: 'Germany (DE)' })).toBeInTheDocument()
    expect(
      within(screen.getByRole('group', { name: 'Far East' })).getByRole('checkbox', { name: 'Japan (JP)' }),
    ).toBeInTheDocument()
  })
})
