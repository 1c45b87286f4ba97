import { describe, expect, it } from 'vitest'
import { channels } from '../../../../core/bridge/channels'
import { contract, maxTransferBytes, OpenFilesRequest, SaveAsRequest } from '../../../../core/bridge/contract'

describe('bridge contract', () => {
  it('has a schema for every channel name and a name for every schema', () => {
    expect(Object.keys(contract).sort()).toEqual([...channels].sort())
  })

  it('names every channel "group.method", the shape window.lab is built from', () => {
    for (const channel of channels) expect(channel).toMatch(/^[a-z]+\.[a-zA-Z]+$/)
  })

  it('refuses to carry a file over the transfer limit', () => {
    const result = SaveAsRequest.safeParse({ suggestedName: 'huge.zip', bytes: new Uint8Array(maxTransferBytes + 1) })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('The file is larger than the 64 MiB limit.')
  })

  it('refuses to let a page raise the open limit above the transfer limit', () => {
    expect(OpenFilesRequest.safeParse({ maxBytes: maxTransferBytes + 1 }).success).toBe(false)
    expect(OpenFilesRequest.safeParse({ maxBytes: maxTransferBytes }).success).toBe(true)
  })

  it('carries bytes only as Uint8Array, never as a plain array of numbers', () => {
    expect(SaveAsRequest.safeParse({ suggestedName: 'a.txt', bytes: [1, 2] }).success).toBe(false)
    expect(SaveAsRequest.safeParse({ suggestedName: 'a.txt', bytes: new Uint8Array([1, 2]) }).success).toBe(true)
  })
})
