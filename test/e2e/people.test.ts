import { describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../core/audit/audit-entry'
import type { LabProfile } from '../../core/model/lab-profile'
import type { Result } from '../../core/model/result'
import { seriousAxeViolations } from './axe'
import type { App } from './harness'
import { readStore, waitForSaved } from './pages/catalogue'
import { seedRunningSession } from './pages/sessions'
import { perTest } from './per-test'

const made = perTest()

/** Jo Doe's lab with a running session of Jo's, and two more people: Mia, who reviews, and Sam, who has done nothing. */
async function labWithJosSession() {
  const app = await made.launch()
  const { page } = app
  const runner = await seedRunningSession(app, await made.files(), 5)
  const sessionHash = new URL(page.url()).hash
  await openLabProfile(page)
  for (const [index, person] of [
    { name: 'Mia Kowalska', initials: 'MK', role: 'Reviewer' },
    { name: 'Sam Berg', initials: 'SB', role: 'Lab tester' },
  ].entries()) {
    await page.getByRole('button', { name: 'Add person' }).click()
    const row = page.getByRole('group', { name: `Person ${index + 2}` })
    await row.getByRole('textbox', { name: 'Name' }).fill(person.name)
    await row.getByRole('textbox', { name: 'Initials' }).fill(person.initials)
    await row.getByRole('combobox', { name: 'Role' }).selectOption({ label: person.role })
  }
  await waitForSaved(page)
  const backToSession = async () => {
    // In the app, not a reload: the window is the same one all along.
    await page.evaluate((hash) => (location.hash = hash), sessionHash)
    await runner.caseList().waitFor()
  }
  return { app, page, runner, backToSession }
}

type Page = App['page']
const openLabProfile = async (page: Page) => {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Lab profile' }).click()
  await page.getByRole('heading', { name: 'Lab profile' }).waitFor()
}
const workingAs = (page: Page) => page.getByRole('combobox', { name: 'Working as' })
const workAs = (page: Page, label: string) => workingAs(page).selectOption({ label })
const profileOf = async (page: Page) => ((await readStore(page, 'profile')) as LabProfile[])[0]
const trailOf = async (page: Page) => (await readStore(page, 'audit')) as AuditEntry[]
const resultOf = async (page: Page, caseId: string) =>
  ((await readStore(page, 'results')) as Result[]).find((result) => result.caseId === caseId)

describe('people of the lab and who entered what', () => {
  it('asks before removing someone nothing refers to, and then nothing is recorded in their name any more', async () => {
    const { page, runner, backToSession } = await labWithJosSession()
    await workAs(page, 'Sam Berg (Lab tester)')

    await page.getByRole('button', { name: 'Remove Sam Berg' }).click()
    const question = page.getByRole('alertdialog', { name: 'Remove Sam Berg from the lab?' })
    await question.getByText('Sam Berg has made no entry and tested no session').waitFor()
    expect(await seriousAxeViolations(page)).toEqual([])
    await question.getByRole('button', { name: 'Cancel' }).click()
    expect((await profileOf(page))?.people.map((p) => p.name)).toContain('Sam Berg')

    await page.getByRole('button', { name: 'Remove Sam Berg' }).click()
    await question.getByRole('button', { name: 'Remove Sam Berg' }).click()
    await expect
      .poll(async () => (await profileOf(page))?.people.map((p) => p.name))
      .toEqual(['Jo Doe', 'Mia Kowalska'])
    // Sam left while being worked as: the bench is nobody's until someone is chosen.
    await expect.poll(async () => workingAs(page).locator('option:checked').textContent()).toBe('This workstation')

    await backToSession()
    await page.getByRole('region', { name: 'Whose entries' }).getByText('nobody is chosen').waitFor()
    await page.getByRole('button', { name: 'Enter results as This workstation' }).click()
    await runner.caseList().focus()
    await runner.keys('p')
    await expect.poll(async () => (await resultOf(page, 'TC-001'))?.verdict).toBe('passed')
    expect((await resultOf(page, 'TC-001'))?.updatedBy).toBe('workstation')
    const sam = (await readStore(page, 'profile')) as LabProfile[]
    expect(sam[0]?.people.some((p) => p.name === 'Sam Berg')).toBe(false)
    // Sam's one entry is Sam's own removal, made while working as Sam; nothing after it is in Sam's name.
    const bySam = (await trailOf(page)).filter((entry) => entry.actor.name === 'Sam Berg')
    expect(bySam.map((entry) => entry.entity.kind)).toEqual(['lab-profile'])
    expect((await trailOf(page)).at(-1)?.actor.name).toBe('This workstation')
  })

  it('deactivates, never removes, someone in the audit trail and in a session; they leave the pickers, not the records', async () => {
    const { page } = await labWithJosSession()
    await page.getByRole('button', { name: 'Remove Jo Doe' }).click()
    const question = page.getByRole('alertdialog', { name: 'Jo Doe cannot be removed; deactivate instead?' })
    await question.getByText('Jo Doe appears in the audit trail and as the tester of 1 session').waitFor()
    expect(await seriousAxeViolations(page)).toEqual([])
    await question.getByRole('button', { name: 'Deactivate Jo Doe' }).click()
    await waitForSaved(page)

    const jo = (await profileOf(page))?.people.find((p) => p.name === 'Jo Doe')
    expect(jo?.deactivatedAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    await page
      .getByRole('group', { name: 'Person 1, deactivated' })
      .getByText(/^Deactivated /)
      .waitFor()
    expect(await seriousAxeViolations(page)).toEqual([])
    await expect.poll(async () => workingAs(page).locator('option:checked').textContent()).toBe('This workstation')
    expect(await workingAs(page).locator('option').allTextContents()).toEqual([
      'This workstation',
      'Mia Kowalska (Reviewer)',
      'Sam Berg (Lab tester)',
    ])
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Sessions' }).click()
    await page.getByRole('link', { name: 'New session' }).click()
    await expect
      .poll(async () => page.getByRole('combobox', { name: 'Tester' }).locator('option').allTextContents())
      .toEqual(['Choose the tester', 'Mia Kowalska', 'Sam Berg'])
    // The trail still names Jo on what Jo did.
    expect((await trailOf(page)).some((entry) => entry.actor.name === 'Jo Doe')).toBe(true)

    await openLabProfile(page)
    await page.getByRole('button', { name: 'Reactivate Jo Doe' }).click()
    await waitForSaved(page)
    expect((await profileOf(page))?.people.find((p) => p.name === 'Jo Doe')?.deactivatedAt).toBeUndefined()
    expect(await workingAs(page).locator('option').allTextContents()).toContain('Jo Doe (Lab tester)')
  })

  it('asks once before entering results in another tester’s session, and records them as who entered them', async () => {
    const { page, runner, backToSession } = await labWithJosSession()
    await workAs(page, 'Mia Kowalska (Reviewer)')
    await backToSession()

    const ask = page.getByRole('region', { name: 'Whose entries' })
    await ask.getByText('This session is Jo Doe’s; you are working as Mia Kowalska.').waitFor()
    expect(await seriousAxeViolations(page)).toEqual([])
    await runner.caseList().focus()
    await runner.keys('p')
    await page.waitForTimeout(300)
    expect(await resultOf(page, 'TC-001')).toBeUndefined() // nothing entered before Mia said so

    await page.getByRole('button', { name: 'Enter results as Mia Kowalska' }).click()
    await runner.caseList().focus()
    await runner.keys('p', 'f')
    await expect.poll(async () => (await resultOf(page, 'TC-002'))?.verdict).toBe('failed')
    expect(await ask.count()).toBe(0)

    // Asked once: not again on the next visit to the session in this window.
    await openLabProfile(page)
    await backToSession()
    expect(await ask.count()).toBe(0)

    const mia = (await profileOf(page))?.people.find((p) => p.name === 'Mia Kowalska')
    expect((await resultOf(page, 'TC-001'))?.updatedBy).toBe(mia?.id)
    const verdicts = (await trailOf(page)).filter((entry) => entry.entity.kind === 'result')
    expect(verdicts.map((entry) => entry.actor.name)).toEqual(['Mia Kowalska', 'Mia Kowalska'])
  })
})
