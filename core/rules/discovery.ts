import { clip } from '../text/clip'

/** One endpoint of a discovery response; null where the device did not report the field. */
export type DiscoveredEndpoint = {
  readonly endpointId: string | null
  readonly friendlyName: string | null
  /** `manufacturerName`: the maker's name the Alexa app shows. */
  readonly manufacturerName: string | null
  /** `additionalAttributes.manufacturer`, as the device reports it. */
  readonly manufacturer: string | null
  /** `additionalAttributes.model`. */
  readonly model: string | null
}

export type DiscoveryParse =
  | {
      readonly ok: true
      readonly endpoints: readonly DiscoveredEndpoint[]
      /** The first additionalAttributes.manufacturer reported, else the first manufacturerName; '' when neither is. */
      readonly manufacturer: string
      readonly model: string
    }
  | { readonly ok: false; readonly message: string }

type Failure = { readonly ok: false; readonly message: string }
type Step<T> = { readonly ok: true; readonly value: T } | Failure
type JsonObject = { readonly [key: string]: unknown }

const mebibyte = 1024 * 1024
const maxBytes = mebibyte
const pasteHint = 'Paste the Discover.Response event the device sent to Alexa.'

/**
 * Reads the manufacturer and model a device reports in Alexa discovery from pasted JSON: the full
 * Discover.Response event, its payload {"endpoints": […]}, or one endpoint. Never throws.
 */
export function parseDiscoveryResponse(text: string): DiscoveryParse {
  // Size before anything else: parsing a huge paste would freeze the form the tester is typing in.
  const bytes = utf8Length(text)
  if (bytes > maxBytes) {
    return fail(
      `The discovery response is ${formatSize(bytes)}; the limit is 1 MB. Paste only the Discover.Response event.`,
    )
  }
  // A byte-order mark comes along when the JSON is copied out of some editors; JSON.parse refuses it.
  const json = text.replace(/^\uFEFF/, '')
  if (json.trim() === '') return fail(`The discovery response is empty. ${pasteHint}`)

  let root: unknown
  try {
    root = JSON.parse(json)
  } catch (error) {
    return fail(jsonProblem(error))
  }

  const located = locateEndpoints(root)
  if (!located.ok) return located
  const { list, where, single } = located.value
  if (!Array.isArray(list))
    return fail(`${capital(where)} is ${describe(list)}; expected a list (JSON array) of endpoints.`)
  if (list.length === 0) return fail(`${capital(where)} is empty: the device reported no endpoints to Alexa.`)

  const endpoints: DiscoveredEndpoint[] = []
  for (const [index, item] of list.entries()) {
    const endpoint = readEndpoint(item, single ? 'The endpoint' : `Endpoint ${index + 1}`)
    if (!endpoint.ok) return endpoint
    endpoints.push(endpoint.value)
  }

  const model = endpoints.find((e) => e.model !== null)?.model
  if (model === undefined || model === null) {
    return fail('No endpoint reports additionalAttributes.model; since 1 October 2025 Alexa requires it.')
  }
  const manufacturer =
    endpoints.find((e) => e.manufacturer !== null)?.manufacturer ??
    endpoints.find((e) => e.manufacturerName !== null)?.manufacturerName ??
    ''
  return { ok: true, endpoints, manufacturer, model }
}

/** Finds the endpoint list in whichever of the accepted shapes the tester pasted, and names where it was found. */
function locateEndpoints(root: unknown): Step<{ list: unknown; where: string; single: boolean }> {
  if (!isObject(root)) {
    return fail(
      `The discovery response is ${describe(root)}; expected a JSON object: the Discover.Response event, its payload {"endpoints": […]}, or one endpoint.`,
    )
  }
  if (has(root, 'event')) {
    const event = root['event']
    if (!isObject(event)) return fail(`"event" is ${describe(event)}; expected an object with "header" and "payload".`)
    return endpointsOfEvent(event, 'event.')
  }
  if (has(root, 'directive')) {
    return fail(`This is the Discover directive Alexa sends to the device, not the device's answer. ${pasteHint}`)
  }
  // The event without its {"event": …} wrapper, as some logs print it.
  if (has(root, 'payload')) return endpointsOfEvent(root, '')
  if (has(root, 'endpoints'))
    return { ok: true, value: { list: root['endpoints'], where: '"endpoints"', single: false } }
  if (['endpointId', 'additionalAttributes', 'manufacturerName', 'friendlyName'].some((key) => has(root, key))) {
    return { ok: true, value: { list: [root], where: 'the endpoint', single: true } }
  }
  return fail(`The pasted JSON has no "event", "payload" or "endpoints", and is not an endpoint either. ${pasteHint}`)
}

function endpointsOfEvent(event: JsonObject, path: string): Step<{ list: unknown; where: string; single: boolean }> {
  const payload = event['payload']
  const name = eventName(event)
  // Naming the event the tester pasted (an ErrorResponse, a ChangeReport) explains the missing endpoints at once.
  const which =
    name === null || name === 'Alexa.Discovery.Discover.Response'
      ? ''
      : ` This is an ${name} event, not Alexa.Discovery Discover.Response.`
  if (!has(event, 'payload'))
    return fail(`${path === '' ? 'The event' : '"event"'} has no "payload".${which || ` ${pasteHint}`}`)
  if (!isObject(payload)) return fail(`"${path}payload" is ${describe(payload)}; expected an object with "endpoints".`)
  if (!has(payload, 'endpoints')) return fail(`"${path}payload" has no "endpoints" list.${which || ` ${pasteHint}`}`)
  return { ok: true, value: { list: payload['endpoints'], where: `"${path}payload.endpoints"`, single: false } }
}

function eventName(event: JsonObject): string | null {
  const header = event['header']
  if (!isObject(header)) return null
  const namespace = header['namespace']
  const name = header['name']
  if (typeof name !== 'string') return null
  return typeof namespace === 'string' ? `${namespace}.${name}` : name
}

function readEndpoint(item: unknown, label: string): Step<DiscoveredEndpoint> {
  if (!isObject(item)) return fail(`${label} is ${describe(item)}; each endpoint should be a JSON object.`)
  const id = item['endpointId']
  const who = typeof id === 'string' && id.trim() !== '' ? `${label} ("${quoted(id)}")` : label

  const endpointId = textField(item, 'endpointId', who)
  const friendlyName = textField(item, 'friendlyName', who)
  const manufacturerName = textField(item, 'manufacturerName', who)
  if (!endpointId.ok) return endpointId
  if (!friendlyName.ok) return friendlyName
  if (!manufacturerName.ok) return manufacturerName

  const attributes = item['additionalAttributes']
  let manufacturer: string | null = null
  let model: string | null = null
  if (attributes !== undefined && attributes !== null) {
    if (!isObject(attributes))
      return fail(`${who}: additionalAttributes is ${describe(attributes)}; expected an object.`)
    const reportedManufacturer = textField(attributes, 'manufacturer', who, 'additionalAttributes.')
    const reportedModel = textField(attributes, 'model', who, 'additionalAttributes.')
    if (!reportedManufacturer.ok) return reportedManufacturer
    if (!reportedModel.ok) return reportedModel
    manufacturer = reportedManufacturer.value
    model = reportedModel.value
  }
  return {
    ok: true,
    value: {
      endpointId: endpointId.value,
      friendlyName: friendlyName.value,
      manufacturerName: manufacturerName.value,
      manufacturer,
      model,
    },
  }
}

/**
 * A field Alexa defines as text: the string as reported (blank counts as not reported), null when
 * absent, and an error when the device sent another type: that is a fault the lab should see.
 */
function textField(object: JsonObject, key: string, who: string, path = ''): Step<string | null> {
  const value = object[key]
  if (!has(object, key) || value === null) return { ok: true, value: null }
  if (typeof value !== 'string') return fail(`${who}: ${path}${key} is ${describe(value)}; Alexa expects text.`)
  return { ok: true, value: value.trim() === '' ? null : value }
}

function jsonProblem(error: unknown): string {
  // V8 parses JSON without recursion, but an engine that runs out of stack reports a RangeError, not a SyntaxError.
  if (!(error instanceof SyntaxError))
    return 'The discovery response could not be read: it is nested too deeply to be a discovery response.'
  // V8 quotes the text around the fault; its line breaks would break the message's layout beside the field.
  const detail = error.message.replace(/\s+/g, ' ').replace(/[.\s]+$/, '')
  return `The discovery response is not valid JSON: ${detail}. Paste the whole response, from its first { to its last }.`
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// Own properties only: a key such as "constructor" must not be found on Object.prototype.
function has(object: JsonObject, key: string): boolean {
  return Object.hasOwn(object, key)
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list (JSON array)'
  switch (typeof value) {
    case 'string':
      return `the text "${quoted(value)}"`
    case 'number':
      return `the number ${value}`
    case 'boolean':
      return `the value ${value}`
    case 'object':
      return 'an object'
    default:
      return 'missing'
  }
}

/** Quoted values stay short enough for a message beside a form field. */
const quoted = (text: string): string => clip(text, 60)

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function fail(message: string): Failure {
  return { ok: false, message }
}

function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0x80) bytes += 1
    else if (unit < 0x800) bytes += 2
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      i++
    } else bytes += 3 // other BMP characters, and lone surrogates, which an encoder replaces with U+FFFD
  }
  return bytes
}

function formatSize(bytes: number): string {
  const shown = (bytes / mebibyte).toFixed(1)
  return shown === '1.0' ? 'just over 1 MB' : `${shown} MB`
}
