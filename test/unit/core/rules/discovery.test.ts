import fc from 'fast-check'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { parseDiscoveryResponse } from '../../../../core/rules/discovery'

const light = {
  endpointId: 'light-01',
  manufacturerName: 'Acme Lighting',
  description: 'Smart bulb by Acme',
  friendlyName: 'Kitchen Light',
  displayCategories: ['LIGHT'],
  additionalAttributes: {
    manufacturer: 'Acme Lighting Co.',
    model: 'SL-200',
    serialNumber: 'A1B2C3',
    firmwareVersion: '1.4.2',
    softwareVersion: '7.0',
  },
  capabilities: [
    {
      type: 'AlexaInterface',
      interface: 'Alexa.PowerController',
      version: '3',
      properties: { supported: [{ name: 'powerState' }] },
    },
    { type: 'AlexaInterface', interface: 'Alexa', version: '3' },
  ],
}

const response = (endpoints: unknown) => ({
  event: {
    header: {
      namespace: 'Alexa.Discovery',
      name: 'Discover.Response',
      payloadVersion: '3',
      messageId: '5f8a426e-01e4-4cc9-8b79-65f8bd0fd8a4',
    },
    payload: { endpoints },
  },
})

const parse = (value: unknown) => parseDiscoveryResponse(JSON.stringify(value, null, 2))
const messageOf = (text: string) => {
  const result = parseDiscoveryResponse(text)
  return result.ok ? null : result.message
}

describe('parseDiscoveryResponse', () => {
  test('reads manufacturer and model from a full Discover.Response', () => {
    expect(parse(response([light]))).toEqual({
      ok: true,
      manufacturer: 'Acme Lighting Co.',
      model: 'SL-200',
      endpoints: [
        {
          endpointId: 'light-01',
          friendlyName: 'Kitchen Light',
          manufacturerName: 'Acme Lighting',
          manufacturer: 'Acme Lighting Co.',
          model: 'SL-200',
        },
      ],
    })
  })

  test('accepts the bare payload and a single endpoint', () => {
    expect(parse({ endpoints: [light] })).toMatchObject({ ok: true, model: 'SL-200' })
    expect(parse(light)).toMatchObject({ ok: true, model: 'SL-200', endpoints: [{ endpointId: 'light-01' }] })
    expect(parse(response([light]).event)).toMatchObject({ ok: true, model: 'SL-200' })
  })

  test('accepts a paste that starts with a byte-order mark', () => {
    expect(parseDiscoveryResponse(`\uFEFF${JSON.stringify(response([light]))}`)).toMatchObject({
      ok: true,
      model: 'SL-200',
    })
  })

  test('falls back to manufacturerName when additionalAttributes has no manufacturer', () => {
    const endpoint = { ...light, additionalAttributes: { model: 'SL-200' } }
    expect(parse(response([endpoint]))).toMatchObject({
      ok: true,
      manufacturer: 'Acme Lighting',
      endpoints: [{ manufacturerName: 'Acme Lighting', manufacturer: null }],
    })
  })

  test('lists every endpoint, and takes the first reported model even when endpoints disagree', () => {
    const hub = { endpointId: 'hub', manufacturerName: 'Acme', friendlyName: 'Hub' }
    const plug = {
      ...light,
      endpointId: 'plug-01',
      friendlyName: 'Desk Plug',
      additionalAttributes: { manufacturer: 'Acme', model: 'SP-10' },
    }
    const result = parse(response([hub, light, plug]))
    // additionalAttributes.manufacturer of any endpoint before any endpoint's manufacturerName.
    expect(result).toMatchObject({ ok: true, manufacturer: 'Acme Lighting Co.', model: 'SL-200' })
    if (!result.ok) return
    expect(result.endpoints.map((e) => e.model)).toEqual([null, 'SL-200', 'SP-10'])
    expect(result.endpoints[0]).toEqual({
      endpointId: 'hub',
      friendlyName: 'Hub',
      manufacturerName: 'Acme',
      manufacturer: null,
      model: null,
    })
  })

  test('refuses an empty paste', () => {
    expect(messageOf('')).toBe(
      'The discovery response is empty. Paste the Discover.Response event the device sent to Alexa.',
    )
    expect(messageOf(' \n\t ')).toMatch(/^The discovery response is empty\./)
  })

  test('says where malformed JSON goes wrong', () => {
    expect(messageOf('{\n  "endpoints": []\n}\n}')).toBe(
      'The discovery response is not valid JSON: Unexpected non-whitespace character after JSON at position 22 (line 4 column 1). Paste the whole response, from its first { to its last }.',
    )
    // Without a position, the parser quotes the text around the fault; it stays on one line.
    expect(messageOf('{\n  "event": {\n    "payload": { "endpoints": [ } \n  }\n}')).toMatch(
      /^The discovery response is not valid JSON: Unexpected token '}', [^\n]*"oints": \[ } } }" is not valid JSON\. Paste/,
    )
    expect(messageOf('{"endpoints": [')).toMatch(
      /^The discovery response is not valid JSON: Unexpected end of JSON input\./,
    )
  })

  test('explains a response without endpoints', () => {
    expect(messageOf(JSON.stringify(response([])))).toBe(
      '"event.payload.endpoints" is empty: the device reported no endpoints to Alexa.',
    )
    expect(
      messageOf('{"event": {"header": {"namespace": "Alexa.Discovery", "name": "Discover.Response"}, "payload": {}}}'),
    ).toBe('"event.payload" has no "endpoints" list. Paste the Discover.Response event the device sent to Alexa.')
    expect(
      messageOf(
        '{"event": {"header": {"namespace": "Alexa", "name": "ErrorResponse"}, "payload": {"type": "INTERNAL_ERROR"}}}',
      ),
    ).toBe(
      '"event.payload" has no "endpoints" list. This is an Alexa.ErrorResponse event, not Alexa.Discovery Discover.Response.',
    )
    expect(messageOf('{"directive": {"header": {"namespace": "Alexa.Discovery", "name": "Discover"}}}')).toMatch(
      /Discover directive/,
    )
    expect(messageOf('{"event": {"header": {"namespace": "Alexa", "name": "ChangeReport"}}}')).toBe(
      '"event" has no "payload". This is an Alexa.ChangeReport event, not Alexa.Discovery Discover.Response.',
    )
    expect(messageOf('{"hello": "world"}')).toMatch(/^The pasted JSON has no "event", "payload" or "endpoints"/)
  })

  test('requires additionalAttributes.model on some endpoint', () => {
    const { additionalAttributes: _dropped, ...withoutAttributes } = light
    const blankModel = { ...light, additionalAttributes: { manufacturer: 'Acme', model: '  ' } }
    const message = 'No endpoint reports additionalAttributes.model; since 1 October 2025 Alexa requires it.'
    expect(messageOf(JSON.stringify(response([withoutAttributes])))).toBe(message)
    expect(messageOf(JSON.stringify(response([blankModel, { ...light, additionalAttributes: null }])))).toBe(message)
  })

  test('names the endpoint and field that has the wrong type', () => {
    expect(parse(response([{ ...light, additionalAttributes: { model: 200 } }]))).toEqual({
      ok: false,
      message: 'Endpoint 1 ("light-01"): additionalAttributes.model is the number 200; Alexa expects text.',
    })
    expect(parse(response([light, { endpointId: 7, friendlyName: ['x'] }]))).toEqual({
      ok: false,
      message: 'Endpoint 2: endpointId is the number 7; Alexa expects text.',
    })
    expect(parse(response([light, { friendlyName: ['x'] }]))).toMatchObject({
      message: 'Endpoint 2: friendlyName is a list (JSON array); Alexa expects text.',
    })
    expect(parse(response([{ ...light, additionalAttributes: ['SL-200'] }]))).toMatchObject({
      message: 'Endpoint 1 ("light-01"): additionalAttributes is a list (JSON array); expected an object.',
    })
    expect(parse(response([light, 'light-02']))).toMatchObject({
      message: 'Endpoint 2 is the text "light-02"; each endpoint should be a JSON object.',
    })
    expect(parse(response({ light }))).toMatchObject({
      message: '"event.payload.endpoints" is an object; expected a list (JSON array) of endpoints.',
    })
    expect(parse({ event: [] })).toMatchObject({
      message: '"event" is a list (JSON array); expected an object with "header" and "payload".',
    })
    expect(messageOf('[1, 2]')).toMatch(/^The discovery response is a list \(JSON array\); expected a JSON object/)
    expect(messageOf('42')).toMatch(/^The discovery response is the number 42;/)
  })

  test('does not find fields on the object prototype', () => {
    expect(messageOf('{"constructor": {}, "toString": 1}')).toMatch(/^The pasted JSON has no "event"/)
    expect(
      parse({ endpoints: [{ endpointId: 'x', additionalAttributes: { __proto__: { model: 'evil' } } }] }),
    ).toMatchObject({ ok: false })
  })

  test('survives deeply nested input', () => {
    const depth = 100_000
    expect(messageOf(`{"endpoints": ${'['.repeat(depth)}${']'.repeat(depth)}}`)).toBe(
      'Endpoint 1 is a list (JSON array); each endpoint should be a JSON object.',
    )
    const deepModel = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    expect(messageOf(`{"endpoints": [{"endpointId": "e", "additionalAttributes": {"model": ${deepModel}}}]}`)).toBe(
      'Endpoint 1 ("e"): additionalAttributes.model is an object; Alexa expects text.',
    )
  })
})

describe('the 1 MB limit', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  const mebibyte = 1024 * 1024
  const padded = (size: number) => {
    const body = JSON.stringify(response([light]))
    return body + ' '.repeat(size - body.length)
  }

  test('a response of exactly 1 MiB is read', () => {
    expect(parseDiscoveryResponse(padded(mebibyte))).toMatchObject({ ok: true })
  })

  test('a larger paste is refused with its size, before any JSON parsing', () => {
    const parseJson = vi.spyOn(JSON, 'parse')
    const started = performance.now()
    const result = parseDiscoveryResponse(padded(Math.round(3.2 * mebibyte)))
    const elapsed = performance.now() - started
    expect(result).toEqual({
      ok: false,
      message: 'The discovery response is 3.2 MB; the limit is 1 MB. Paste only the Discover.Response event.',
    })
    expect(parseDiscoveryResponse(padded(mebibyte + 1))).toMatchObject({
      message: /^The discovery response is just over 1 MB;/,
    })
    expect(parseJson).not.toHaveBeenCalled()
    // Generous bound: the check is a single pass over the text, a few milliseconds on any laptop.
    expect(elapsed).toBeLessThan(500)
  })

  test('the limit counts bytes, so text in other scripts is measured as stored', () => {
    const body = JSON.stringify(response([{ ...light, friendlyName: 'キッチン'.repeat(100_000) }]))
    expect(body.length).toBeLessThan(mebibyte)
    expect(parseDiscoveryResponse(body)).toMatchObject({ ok: false, message: /^The discovery response is 1\.1 MB;/ })
  })
})

describe('properties', () => {
  test('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const result = parseDiscoveryResponse(text)
        expect(result.ok ? result.model : result.message).toEqual(expect.any(String))
      }),
    )
  })

  test('never throws on arbitrary JSON, wherever it sits in a response', () => {
    const anyJson = fc.jsonValue({ maxDepth: 4 })
    const placed = fc.oneof(
      anyJson,
      anyJson.map((x) => response(x)),
      anyJson.map((x) => ({ event: { payload: x } })),
      anyJson.map((x) => response([x])),
      anyJson.map((x) => response([{ endpointId: x, additionalAttributes: { model: 'M' } }])),
      anyJson.map((x) => ({ endpoints: [{ friendlyName: 'F', additionalAttributes: x }] })),
      fc
        .dictionary(fc.constantFrom('manufacturer', 'model', 'serialNumber', '__proto__', 'constructor'), anyJson)
        .map((attrs) => ({
          endpoints: [{ endpointId: 'e', additionalAttributes: attrs }],
        })),
    )
    fc.assert(
      fc.property(placed, (value) => {
        const result = parseDiscoveryResponse(JSON.stringify(value) ?? '')
        if (result.ok) expect(result.model.trim()).not.toBe('')
        else expect(result.message).toMatch(/\S/)
      }),
    )
  })

  test('the top-level model is always that of the first endpoint reporting one', () => {
    const endpoint = fc.record(
      {
        endpointId: fc.string(),
        manufacturerName: fc.string(),
        additionalAttributes: fc.record({ manufacturer: fc.string(), model: fc.string() }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(fc.array(endpoint, { minLength: 1, maxLength: 5 }), (endpoints) => {
        const result = parse(response(endpoints))
        const first = endpoints
          .map((e) => e.additionalAttributes?.model)
          .find((m) => m !== undefined && m.trim() !== '')
        if (first === undefined) expect(result.ok).toBe(false)
        else expect(result).toMatchObject({ ok: true, model: first })
      }),
    )
  })
})
