import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { checkSkillId } from '../../../../core/rules/skill-id'

const messageOf = (input: string) => {
  const result = checkSkillId(input)
  return result.ok ? null : result.message
}

describe('checkSkillId', () => {
  test('accepts a skill ID as the developer console shows it', () => {
    const id = 'amzn1.ask.skill.89751fb9-1b7f-4c40-8c9f-a5231bdb3998'
    expect(checkSkillId(id)).toEqual({ ok: true, value: id })
    expect(checkSkillId(`  ${id}\n`)).toEqual({ ok: true, value: id })
  })

  test('accepts an uppercase UUID and stores it in lowercase', () => {
    expect(checkSkillId('amzn1.ask.skill.89751FB9-1B7F-4C40-8C9F-A5231BDB3998')).toEqual({
      ok: true,
      value: 'amzn1.ask.skill.89751fb9-1b7f-4c40-8c9f-a5231bdb3998',
    })
  })

  test('says what the prefix got wrong', () => {
    expect(messageOf('amzn1.ask.skil.89751fb9-1b7f-4c40-8c9f-a5231bdb3998')).toBe(
      'A skill ID starts with "amzn1.ask.skill."; this one starts with "amzn1.ask.skil.8…".',
    )
    expect(messageOf('89751fb9-1b7f-4c40-8c9f-a5231bdb3998')).toMatch(/^A skill ID starts with "amzn1\.ask\.skill\."/)
    expect(messageOf('AMZN1.ASK.SKILL.89751fb9-1b7f-4c40-8c9f-a5231bdb3998')).toMatch(/in lowercase/)
    expect(messageOf('amzn1.echo-sdk-ams.app.89751fb9-1b7f-4c40-8c9f-a5231bdb3998')).toMatch(
      /older "amzn1\.echo-sdk-ams\.app\." format/,
    )
  })

  test('says what the UUID part got wrong', () => {
    expect(messageOf('amzn1.ask.skill.')).toMatch(/^The skill ID needs a UUID after "amzn1\.ask\.skill\."/)
    expect(messageOf('amzn1.ask.skill.89751fb9-1b7f-4c40-8c9f-a5231bdb399')).toBe(
      'The UUID after "amzn1.ask.skill." has groups of 8-4-4-4-12 hex digits; this one has 8-4-4-4-11.',
    )
    expect(messageOf('amzn1.ask.skill.89751fb91b7f4c408c9fa5231bdb3998')).toMatch(/this one has 32\.$/)
    expect(messageOf('amzn1.ask.skill.89751fg9-1b7f-4c40-8c9f-a5231bdb3998')).toBe(
      'The UUID after "amzn1.ask.skill." has only hex digits (0–9, a–f) and hyphens; it contains "g".',
    )
    expect(messageOf('amzn1.ask.skill.89751fb9 1b7f-4c40-8c9f-a5231bdb3998')).toMatch(/contains a space\.$/)
  })

  test('asks for a skill ID when the field is empty', () => {
    expect(messageOf('')).toMatch(/^Enter the skill ID/)
  })

  test('every UUID, in either case, makes a valid skill ID stored in lowercase', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.boolean(), (uuid, upper) => {
        const typed = `amzn1.ask.skill.${upper ? uuid.toUpperCase() : uuid}`
        expect(checkSkillId(typed)).toEqual({ ok: true, value: `amzn1.ask.skill.${uuid.toLowerCase()}` })
      }),
    )
  })

  test('never throws, whatever is pasted', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (input) => {
        const result = checkSkillId(input)
        if (result.ok) expect(result.value).toMatch(/^amzn1\.ask\.skill\.[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/)
      }),
    )
  })
})
