// What core may use beyond ECMAScript: the globals Node and Chromium share. Declared
// here, in core's own type check only, so core can hash, sign and encode text while
// the DOM and Node stay out of reach (no window, no document, no Buffer, no fs).
// The other projects that compile core (web, node, test) get these from the DOM
// library or @types/node instead; their declarations agree with these.

type CoreBufferSource = ArrayBuffer | ArrayBufferView<ArrayBuffer>

type CoreCryptoKey = {
  readonly type: string
  readonly extractable: boolean
  readonly algorithm: { readonly name: string }
}

type CoreSubtleCrypto = {
  digest(algorithm: 'SHA-256' | 'SHA-384' | 'SHA-512', data: CoreBufferSource): Promise<ArrayBuffer>
  importKey(
    format: 'raw' | 'spki' | 'pkcs8',
    keyData: CoreBufferSource,
    algorithm: { readonly name: 'Ed25519' } | 'Ed25519',
    extractable: boolean,
    usages: readonly ('sign' | 'verify')[],
  ): Promise<CoreCryptoKey>
  exportKey(format: 'raw' | 'spki' | 'pkcs8', key: CoreCryptoKey): Promise<ArrayBuffer>
  sign(
    algorithm: { readonly name: 'Ed25519' } | 'Ed25519',
    key: CoreCryptoKey,
    data: CoreBufferSource,
  ): Promise<ArrayBuffer>
  verify(
    algorithm: { readonly name: 'Ed25519' } | 'Ed25519',
    key: CoreCryptoKey,
    signature: CoreBufferSource,
    data: CoreBufferSource,
  ): Promise<boolean>
}

// eslint-disable-next-line no-var -- a global is declared with var, as lib.dom.d.ts does
declare var crypto: {
  readonly subtle: CoreSubtleCrypto
  getRandomValues<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array>(array: T): T
}

declare class TextEncoder {
  readonly encoding: string
  encode(input?: string): Uint8Array<ArrayBuffer>
}

declare class TextDecoder {
  constructor(label?: string, options?: { readonly fatal?: boolean; readonly ignoreBOM?: boolean })
  readonly encoding: string
  readonly fatal: boolean
  readonly ignoreBOM: boolean
  decode(input?: CoreBufferSource, options?: { readonly stream?: boolean }): string
}
