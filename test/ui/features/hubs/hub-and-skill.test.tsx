import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../../../helpers/render-app'

describe('hubs and skills', () => {
  it('saves a hub with its ASIN, and explains an ASIN that is not one', async () => {
    const user = userEvent.setup()
    const { db } = renderApp('#/hubs/new')
    await user.type(await screen.findByRole('textbox', { name: 'Brand' }), 'Acme')
    await user.type(screen.getByRole('textbox', { name: 'Model number' }), 'HUB-2')
    await user.click(screen.getByRole('button', { name: 'Add hub ASIN' }))
    const asin = screen.getByRole('textbox', { name: 'ASIN' })
    await user.type(asin, 'b0hubhub01')
    expect(asin).toHaveAccessibleDescription(/capital letters/)
    await user.clear(asin)
    await user.type(asin, 'B0HUBHUB01')
    await waitFor(async () =>
      expect(await db.hubs.toArray()).toEqual([expect.objectContaining({ brand: 'Acme', asins: ['B0HUBHUB01'] })]),
    )
  })

  it('saves a skill only with a valid skill ID, stored in lowercase', async () => {
    const user = userEvent.setup()
    const { db } = renderApp('#/skills/new')
    await user.type(await screen.findByRole('textbox', { name: 'Skill name' }), 'Acme Home')
    const id = screen.getByRole('textbox', { name: 'Skill ID' })
    await user.type(id, 'amzn1.ask.skill.1234')
    expect(id).toHaveAccessibleDescription(/UUID/)
    await user.clear(id)
    await user.type(id, 'amzn1.ask.skill.ABCDEF12-1234-4234-8234-123456789ABC')
    await waitFor(async () =>
      expect(await db.skills.toArray()).toEqual([
        expect.objectContaining({ name: 'Acme Home', skillId: 'amzn1.ask.skill.abcdef12-1234-4234-8234-123456789abc' }),
      ]),
    )
  })
})
