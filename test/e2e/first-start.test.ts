import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { LabProfile } from '../../core/model/lab-profile'
import { seriousAxeViolations } from './axe'
import { launchApp, type App } from './harness'
import { readStore } from './pages/catalogue'

let app: App | undefined
let profileDir: string | undefined
afterEach(async () => {
  await app?.close()
  if (profileDir !== undefined) await rm(profileDir, { recursive: true, force: true })
  app = undefined
  profileDir = undefined
})

describe('the first start of a new installation', () => {
  it('asks for the lab and the first person, then who is working, and never again', async () => {
    profileDir = await mkdtemp(join(tmpdir(), 'wwa-lab-first-start-'))
    app = await launchApp({ profileDir })
    const { page } = app
    await page.getByRole('heading', { name: 'Welcome to WWA Lab' }).waitFor()
    expect(await page.locator('[aria-invalid="true"], .field-error').count()).toBe(0) // nothing scolds before trying
    expect(await seriousAxeViolations(page)).toEqual([])

    // Going on with nothing filled in says what is missing and puts the cursor there.
    await page.getByRole('button', { name: 'Continue' }).click()
    const labName = page.getByRole('textbox', { name: 'Lab name' })
    await expect.poll(async () => labName.evaluate((input) => input === document.activeElement)).toBe(true)
    expect(await labName.getAttribute('aria-invalid')).toBe('true')

    await labName.fill('Prüflabor Nord')
    await page.getByRole('textbox', { name: 'Your name' }).fill('Jo Doe')
    await page.getByRole('textbox', { name: 'Initials' }).fill('jd')
    await page.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Lab tester' })
    await page.getByRole('button', { name: 'Continue' }).click()

    await page.getByRole('heading', { name: 'Who is working at this bench?' }).waitFor()
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Work as Jo Doe' }).click()
    await page.getByRole('heading', { name: 'Products' }).waitFor()
    expect(await page.getByRole('combobox', { name: 'Working as' }).locator('option:checked').textContent()).toBe(
      'Jo Doe (Lab tester)',
    )
    const [profile] = (await readStore(page, 'profile')) as LabProfile[]
    expect(profile).toMatchObject({
      name: 'Prüflabor Nord',
      people: [{ name: 'Jo Doe', initials: 'JD', role: 'tester' }],
    })
    await app.close()

    app = await launchApp({ profileDir })
    await app.page.getByRole('heading', { name: 'Products' }).waitFor()
    expect(await app.page.getByRole('heading', { name: 'Welcome to WWA Lab' }).count()).toBe(0)
    // Who is working is read from storage after the first paint: wait for it, as a person glancing at the picker would.
    const workingAs = app.page.getByRole('combobox', { name: 'Working as' }).locator('option:checked')
    await expect.poll(() => workingAs.textContent()).toBe('Jo Doe (Lab tester)')
  })
})
