import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../../../helpers/render-app'
import { aProduct } from '../../../helpers/records'

async function withProducts() {
  const app = renderApp('#/products')
  await app.db.products.bulkPut([
    aProduct({ id: 'a', brand: 'Zeta', modelNumber: 'Z-9', name: 'Zeta Lamp', deviceType: 'Light' }),
    aProduct({ id: 'b', brand: 'Acme', modelNumber: 'AC-10', name: 'Acme Plug', deviceType: 'Plug' }),
    aProduct({ id: 'c', brand: 'Midway', modelNumber: 'MW-2', name: 'Midway Lock', deviceType: 'Lock' }),
  ])
  const table = await screen.findByRole('table', { name: 'Products' })
  await within(table).findByRole('link', { name: 'Z-9' })
  return table
}

const brands = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[1]?.textContent)

describe('products list', () => {
  it('sorts by a column when its header is clicked, and says which way', async () => {
    const user = userEvent.setup()
    const table = await withProducts()
    await user.click(within(table).getByRole('button', { name: /Brand/ }))
    expect(brands(table)).toEqual(['Acme', 'Midway', 'Zeta'])
    expect(within(table).getByRole('columnheader', { name: /Brand/ })).toHaveAttribute('aria-sort', 'ascending')
    await user.click(within(table).getByRole('button', { name: /Brand/ }))
    expect(brands(table)).toEqual(['Zeta', 'Midway', 'Acme'])
  })

  it('filters rows by any text in them', async () => {
    const user = userEvent.setup()
    const table = await withProducts()
    await user.type(screen.getByRole('searchbox', { name: 'Filter products' }), 'lock')
    expect(brands(table)).toEqual(['Midway'])
    expect(screen.getByText('1 of 3 shown')).toBeInTheDocument()
  })

  it('hides and shows a column from the column chooser', async () => {
    const user = userEvent.setup()
    const table = await withProducts()
    expect(within(table).getByRole('columnheader', { name: /Device type/ })).toBeInTheDocument()
    await user.click(screen.getByText('Columns'))
    await user.click(screen.getByRole('checkbox', { name: 'Device type' }))
    expect(within(table).queryByRole('columnheader', { name: /Device type/ })).not.toBeInTheDocument()
  })

  it('tells a new lab how to start when there are no products', async () => {
    renderApp('#/products')
    expect(await screen.findByText(/No products yet/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'New product' })).toHaveAttribute('href', '#/products/new')
  })
})
