import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../../helpers/render-app'

describe('navigation', () => {
  it('offers every section by name and marks the current one', async () => {
    renderApp('#/products')
    const nav = screen.getByRole('navigation', { name: 'Sections' })
    for (const name of [
      'Products',
      'Tested units',
      'Hubs',
      'Skills',
      'Test plans',
      'Sessions',
      'Reviews',
      'Availability',
      'Packets',
      'Lab profile',
      'Settings',
    ]) {
      expect(nav).toContainElement(screen.getByRole('link', { name }))
    }
    expect(screen.getByRole('link', { name: 'Products' })).toHaveAttribute('aria-current', 'page')
  })

  it('says plainly that a section is not built yet instead of showing made-up data', async () => {
    const user = userEvent.setup()
    renderApp('#/products')
    await user.click(screen.getByRole('link', { name: 'Availability' }))
    expect(await screen.findByRole('heading', { name: 'Availability' })).toBeInTheDocument()
    expect(screen.getByText(/not built yet/)).toBeInTheDocument()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })

  it('shows in Settings whether the browser granted persistent storage', async () => {
    renderApp('#/settings', { persistence: 'persisted' })
    expect(await screen.findByText(/Granted: the browser engine will not clear/)).toBeInTheDocument()
    expect(await screen.findByText('WWA Lab 0.1.0')).toBeInTheDocument()
  })
})
