import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { digestSha256Hex } from '../../../../core/crypto/digest'
import { freshLabDb } from '../../../helpers/lab-db'
import { aProduct, aUnit } from '../../../helpers/records'
import { renderApp } from '../../../helpers/render-app'

const discovery = (model: string) =>
  JSON.stringify({
    event: {
      header: { namespace: 'Alexa.Discovery', name: 'Discover.Response' },
      payload: {
        endpoints: [
          { endpointId: 'e1', manufacturerName: 'Acme', additionalAttributes: { manufacturer: 'Acme', model } },
        ],
      },
    },
  })

async function openUnit() {
  const db = freshLabDb()
  await db.products.put(aProduct())
  await db.units.put(aUnit())
  renderApp('#/units/u-1', { db })
  await screen.findByRole('heading', { name: 'Unit SN-0001' })
  return db
}

describe('unit editor', () => {
  it('records a new unit for the product it was opened from', async () => {
    const user = userEvent.setup()
    const db = freshLabDb()
    await db.products.put(aProduct())
    renderApp('#/units/new?product=p-1', { db })
    const product = await screen.findByRole('combobox', { name: 'Product' })
    await waitFor(() => expect(product).toHaveDisplayValue('Acme AC-100'))
    await user.type(screen.getByRole('textbox', { name: 'Serial number' }), 'SN-9')
    await user.type(screen.getByRole('textbox', { name: 'Firmware' }), '2.0.1')
    await user.type(screen.getByRole('textbox', { name: 'Received from' }), 'Acme Ltd.')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Condition' }), 'Used')
    await waitFor(async () =>
      expect(await db.units.toArray()).toEqual([
        expect.objectContaining({
          productId: 'p-1',
          serialNumber: 'SN-9',
          firmware: '2.0.1',
          receivedFrom: 'Acme Ltd.',
          condition: 'used',
        }),
      ]),
    )
  })

  it('reads the discovery response and passes a model equal to the product model number', async () => {
    const user = userEvent.setup()
    const db = await openUnit()
    await user.click(screen.getByRole('textbox', { name: 'Discovery response JSON' }))
    await user.paste(discovery('AC-100'))
    await user.click(screen.getByRole('button', { name: 'Read discovery response' }))
    expect(await screen.findByText('Model: pass')).toBeInTheDocument()
    await waitFor(async () =>
      expect((await db.units.get('u-1'))?.discovery).toMatchObject({
        manufacturer: 'Acme',
        model: 'AC-100',
        endpointCount: 1,
      }),
    )
    const [capture] = (await db.units.get('u-1'))?.discoveryCaptures ?? []
    // The JSON itself is kept, as pasted: its hash is the hash of the pasted text.
    const pasted = await digestSha256Hex(new TextEncoder().encode(discovery('AC-100')))
    expect(capture?.sha256).toBe(pasted)
    expect((await db.files.get(capture?.fileId ?? ''))?.sha256).toBe(pasted)
  })

  it('shows a mismatch when the device reports another model', async () => {
    const user = userEvent.setup()
    await openUnit()
    await user.click(screen.getByRole('textbox', { name: 'Discovery response JSON' }))
    await user.paste(discovery('AC-100-EU'))
    await user.click(screen.getByRole('button', { name: 'Read discovery response' }))
    expect(await screen.findByText('Model: mismatch')).toBeInTheDocument()
    expect(screen.getByText(/reports model "AC-100-EU" in discovery, but/)).toBeInTheDocument()
  })

  it('explains a malformed discovery response at the field and keeps what was read before', async () => {
    const user = userEvent.setup()
    const db = await openUnit()
    const field = screen.getByRole('textbox', { name: 'Discovery response JSON' })
    await user.click(field)
    await user.paste('{"event": {')
    await user.click(screen.getByRole('button', { name: 'Read discovery response' }))
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(field).toHaveAccessibleDescription(/JSON/)
    expect((await db.units.get('u-1'))?.discovery).toBeNull()
    expect(await db.files.count()).toBe(0)
  })

  it('shows what a unit stored before responses were kept reported, and asks for the response again', async () => {
    const db = freshLabDb()
    await db.products.put(aProduct())
    const discovery = { manufacturer: 'Acme', model: 'AC-100', endpointCount: 1, pastedAt: '2026-11-01T10:00:00.000Z' }
    await db.units.put(aUnit({ discovery }))
    renderApp('#/units/u-1', { db })
    expect(await screen.findByText(/before WWA Lab kept the responses themselves/)).toHaveTextContent(
      'Paste the response again to keep it as evidence.',
    )
    expect(await screen.findByText('Model: pass')).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: /^Discovery responses kept/ })).toBeNull()
  })

  it('refuses a paste beyond the most responses a unit keeps, before storing anything', async () => {
    const user = userEvent.setup()
    const db = freshLabDb()
    await db.products.put(aProduct())
    const capture = {
      id: 'c',
      fileId: 'f',
      sha256: 'a'.repeat(64),
      size: 10,
      pastedAt: '2026-11-01T10:00:00.000Z',
      pastedBy: { id: 'workstation', name: 'This workstation' },
      endpoints: [
        { endpointId: 'e1', friendlyName: null, manufacturerName: 'Acme', manufacturer: null, model: 'AC-100' },
      ],
    }
    const captures = Array.from({ length: 200 }, (_, i) => ({ ...capture, id: `c-${i}` }))
    await db.units.put(aUnit({ discoveryCaptures: captures }))
    renderApp('#/units/u-1', { db })
    const field = await screen.findByRole('textbox', { name: 'Discovery response JSON' })
    await user.click(field)
    await user.paste(discovery('AC-100'))
    await user.click(screen.getByRole('button', { name: 'Read discovery response' }))
    expect(field).toHaveAccessibleDescription(/already keeps 200 discovery responses/)
    expect(await db.files.count()).toBe(0)
    expect((await db.units.get('u-1'))?.discoveryCaptures).toHaveLength(200)
  })

  it('will not save a unit without its serial number, and says why', async () => {
    const user = userEvent.setup()
    const db = await openUnit()
    const serial = screen.getByRole('textbox', { name: 'Serial number' })
    await user.clear(serial)
    expect(serial).toHaveAccessibleDescription('Serial number is required.')
    await new Promise((r) => setTimeout(r, 400))
    expect((await db.units.get('u-1'))?.serialNumber).toBe('SN-0001')
  })

  it('refuses a second unit with the serial of one already recorded for the product, naming and linking the first', async () => {
    const user = userEvent.setup()
    const db = freshLabDb()
    await db.products.put(aProduct())
    await db.units.put(aUnit({ receivedOn: '2026-11-02' }))
    renderApp('#/units/new?product=p-1', { db })
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Product' })).toHaveDisplayValue('Acme AC-100'))
    const serial = screen.getByRole('textbox', { name: 'Serial number' })
    await user.type(serial, 'sn-0001')
    await user.type(screen.getByRole('textbox', { name: 'Firmware' }), '2.0.1')
    await user.type(screen.getByRole('textbox', { name: 'Received from' }), 'Acme Ltd.')
    await waitFor(() =>
      expect(serial).toHaveAccessibleDescription(
        'Serial number SN-0001 is already recorded for this product (unit SN-0001, received on 11/02/2026 from Acme Ltd.): open that unit instead, or correct the serial number.',
      ),
    )
    expect(serial).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByRole('link', { name: 'Open unit SN-0001' })).toHaveAttribute('href', '#/units/u-1')
    await new Promise((r) => setTimeout(r, 400))
    expect((await db.units.toArray()).map((u) => u.id)).toEqual(['u-1'])

    await user.type(serial, '-B')
    await waitFor(async () =>
      expect((await db.units.toArray()).map((u) => u.serialNumber).sort()).toEqual(['SN-0001', 'sn-0001-B']),
    )
    expect(serial).not.toHaveAttribute('aria-invalid')
    expect(screen.queryByRole('link', { name: 'Open unit SN-0001' })).toBeNull()
  })
})
