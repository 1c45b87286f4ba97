import type { TestCase } from '../../core/model/test-plan'
import { aCase } from '../../test/helpers/records'

const categories = [
  'Alexa.PowerController',
  'Alexa.EndpointHealth',
  'Discovery',
  'Account linking',
  'Alexa.ToggleController',
  'Reporting',
]

/** Case `i` of a bench plan: text about as long as a real WWA case's (a session stores every case, and a verdict reads it). */
export const benchCaseAt = (i: number): TestCase => {
  const n = i + 1
  return aCase(`TC-${String(n).padStart(4, '0')}`, {
    title: `Case ${n}: ${i % 2 === 0 ? 'turn on' : 'turn off'} by voice and check the state report`,
    category: categories[i % categories.length] ?? 'Discovery',
    steps: `1. Put the device in its ${i % 2 === 0 ? 'off' : 'on'} state from the app.\n2. Say "Alexa, turn ${i % 2 === 0 ? 'on' : 'off'} the plug".\n3. Open the Alexa app and look at the device's state.`,
    expected: `The plug switches within 2 s, Alexa answers "OK", and the Alexa app shows it ${i % 2 === 0 ? 'on' : 'off'} within 5 s.`,
    required: i % 10 !== 9,
  })
}
