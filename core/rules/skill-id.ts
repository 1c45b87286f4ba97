import { characterName } from './character-names'
import type { Check } from './check'
import { clip } from '../text/clip'

const prefix = 'amzn1.ask.skill.'
const example = 'amzn1.ask.skill.0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b'
const groupLengths = [8, 4, 4, 4, 12] as const

/** Checks an Alexa skill ID: "amzn1.ask.skill." then a UUID in either case; the value is all lowercase. */
export function checkSkillId(input: string): Check<string> {
  const id = input.trim()
  if (id === '') return { ok: false, message: `Enter the skill ID: "${prefix}" followed by a UUID, e.g. ${example}.` }

  if (!id.startsWith(prefix)) return { ok: false, message: prefixProblem(id) }

  const uuid = id.slice(prefix.length)
  if (uuid === '') return { ok: false, message: `The skill ID needs a UUID after "${prefix}", e.g. ${example}.` }

  const stray = [...uuid].find((ch) => !/^[0-9A-Fa-f-]$/.test(ch))
  if (stray !== undefined) {
    return {
      ok: false,
      message: `The UUID after "${prefix}" has only hex digits (0–9, a–f) and hyphens; it contains ${characterName(stray, 'a space')}.`,
    }
  }

  const groups = uuid.split('-')
  const fits = groups.length === groupLengths.length && groups.every((g, i) => g.length === groupLengths[i])
  if (!fits) {
    return {
      ok: false,
      message: `The UUID after "${prefix}" has groups of 8-4-4-4-12 hex digits; this one has ${groups.map((g) => g.length).join('-')}.`,
    }
  }
  // UUIDs are case-insensitive (RFC 9562) and the developer console shows them in lowercase,
  // so one spelling lets the app compare skill IDs with ===.
  return { ok: true, value: id.toLowerCase() }
}

/** Says how the start of `id` departs from the skill-ID prefix, quoting what the tester typed. */
function prefixProblem(id: string): string {
  const expected = `A skill ID starts with "${prefix}"`
  if (id.toLowerCase().startsWith(prefix))
    return `${expected} in lowercase; this one starts with "${id.slice(0, prefix.length)}".`
  // Skills created in Alexa's early days keep this older format; name it so the tester knows the ID is not a typo.
  if (id.startsWith('amzn1.echo-sdk-ams.app.')) {
    return `${expected}; this one has the older "amzn1.echo-sdk-ams.app." format, which WWA Lab does not record.`
  }
  // Show as much of the start as could be the prefix, so a missing dot or a typo is visible.
  const start = clip(id, prefix.length)
  return `${expected}; this one starts with "${start}".`
}
