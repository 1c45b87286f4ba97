import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { DataTable, rowsPerPage } from '../../../renderer/table/DataTable'
import { listColumnHelper } from '../../../renderer/table/table-features'

type Row = { readonly id: string; readonly serial: string }
const column = listColumnHelper<Row>()
const columns = column.columns([column.accessor('serial', { header: 'Serial', sortFn: 'alphanumeric' })])
const rows: Row[] = Array.from({ length: 250 }, (_, i) => ({
  id: String(i),
  serial: `SN-${String(i + 1).padStart(3, '0')}`,
}))

const bodyRows = () =>
  within(screen.getByRole('table', { name: 'Units' }))
    .getAllByRole('row')
    .slice(1)

describe('DataTable', () => {
  it('draws a page of rows at a time, while sorting and filtering see them all', async () => {
    const user = userEvent.setup()
    render(<DataTable label="Units" columns={columns} data={rows} rowId={(r) => r.id} empty="None." />)
    expect(bodyRows()).toHaveLength(rowsPerPage)
    expect(screen.getByText('Rows 1–100 of 250')).toBeInTheDocument()
    expect(screen.getByText('250 shown')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Next 100' }))
    expect(screen.getByText('Rows 101–200 of 250')).toBeInTheDocument()
    expect(bodyRows()[0]).toHaveTextContent('SN-101')

    // Sorting orders every row, not only the page drawn.
    await user.click(screen.getByRole('button', { name: /Serial/ }))
    await user.click(screen.getByRole('button', { name: /Serial/ }))
    expect(screen.getByRole('columnheader', { name: /Serial/ })).toHaveAttribute('aria-sort', 'descending')
    await user.click(screen.getByRole('button', { name: 'Previous 100' }))
    expect(bodyRows()[0]).toHaveTextContent('SN-250')

    // A filter that leaves one page hides the pager.
    await user.type(screen.getByRole('searchbox', { name: 'Filter units' }), 'SN-24')
    expect(screen.getByText('10 of 250 shown')).toBeInTheDocument()
    expect(bodyRows()).toHaveLength(10)
    expect(screen.queryByRole('navigation', { name: 'Pages of units' })).not.toBeInTheDocument()
  })

  it('keeps the last page in view when a filter leaves fewer pages', async () => {
    const user = userEvent.setup()
    render(<DataTable label="Units" columns={columns} data={rows} rowId={(r) => r.id} empty="None." />)
    await user.click(screen.getByRole('button', { name: 'Next 100' }))
    await user.click(screen.getByRole('button', { name: 'Next 100' }))
    expect(screen.getByText('Rows 201–250 of 250')).toBeInTheDocument()
    const withOne = rows.filter((r) => r.serial.includes('1')).length
    expect(withOne).toBeGreaterThan(100)
    expect(withOne).toBeLessThanOrEqual(200)
    await user.type(screen.getByRole('searchbox', { name: 'Filter units' }), '1')
    expect(screen.getByText(`Rows 101–${withOne} of ${withOne}`)).toBeInTheDocument()
  })

  it('in a scrolling box, draws only the rows in view of thousands, and sorting and filtering still see them all', async () => {
    const user = userEvent.setup()
    const many: Row[] = Array.from({ length: 5000 }, (_, i) => ({
      id: String(i),
      serial: `SN-${String(i + 1).padStart(4, '0')}`,
    }))
    render(
      <DataTable label="Units" columns={columns} data={many} rowId={(r) => r.id} empty="None." rowsShown="scroll" />,
    )
    const table = screen.getByRole('table', { name: 'Units' })
    expect(table).toHaveAttribute('aria-rowcount', '5001')
    const drawn = bodyRows()
    expect(drawn.length).toBeGreaterThan(10)
    expect(drawn.length).toBeLessThan(60)
    expect(drawn[0]).toHaveTextContent('SN-0001')
    expect(drawn[0]).toHaveAttribute('aria-rowindex', '2')
    expect(screen.getByText('5000 shown')).toBeInTheDocument()
    expect(screen.queryByRole('navigation', { name: 'Pages of units' })).not.toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: /Serial/ }))
    await user.click(screen.getByRole('button', { name: /Serial/ }))
    expect(bodyRows()[0]).toHaveTextContent('SN-5000')
    await user.type(screen.getByRole('searchbox', { name: 'Filter units' }), 'SN-12')
    expect(screen.getByText('100 of 5000 shown')).toBeInTheDocument()
    expect(table).toHaveAttribute('aria-rowcount', '101')
    expect(bodyRows()[0]).toHaveTextContent('SN-1299')
  })
})
