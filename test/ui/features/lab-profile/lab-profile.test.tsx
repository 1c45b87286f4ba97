import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../../../helpers/render-app'

describe('lab profile', () => {
  it('saves the lab name and its people with their roles as they are typed', async () => {
    const user = userEvent.setup()
    const { db } = renderApp('#/lab')
    await user.type(await screen.findByRole('textbox', { name: 'Lab name' }), 'North Bench Lab')
    await user.click(screen.getByRole('button', { name: 'Add person' }))
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveFocus() // the new row takes the cursor
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Jo Doe')
    await user.type(screen.getByRole('textbox', { name: 'Initials' }), 'jd')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'Reviewer')
    await waitFor(async () =>
      expect(await db.profile.get('lab')).toMatchObject({
        name: 'North Bench Lab',
        people: [{ name: 'Jo Doe', initials: 'JD', role: 'reviewer' }],
      }),
    )
  })

  it('explains initials that are not 1 to 4 capital letters', async () => {
    const user = userEvent.setup()
    renderApp('#/lab')
    await user.type(await screen.findByRole('textbox', { name: 'Lab name' }), 'Lab')
    await user.click(screen.getByRole('button', { name: 'Add person' }))
    const initials = screen.getByRole('textbox', { name: 'Initials' })
    await user.type(initials, 'J1')
    expect(initials).toHaveAccessibleDescription('Initials are 1 to 4 capital letters, e.g. JD.')
  })
})
