// dexie-export-import reads its JSON with the window's FileReader and asks `self`
// whether FileReaderSync exists; Node has neither. This gives Node the one call
// it makes (readAsArrayBuffer, answered through onload), so the tests run in Node
// where fake-indexeddb stores real Blobs, as Chromium does.
type Handler = (event: { target: { result?: ArrayBuffer; error?: unknown } }) => void

class NodeFileReader {
  onload: Handler | null = null
  onerror: Handler | null = null
  onabort: Handler | null = null
  readAsArrayBuffer(blob: Blob) {
    blob.arrayBuffer().then(
      (result) => this.onload?.({ target: { result } }),
      (error: unknown) => this.onerror?.({ target: { error } }),
    )
  }
}

const scope = globalThis as { self?: unknown; FileReader?: unknown }
scope.self ??= globalThis
scope.FileReader ??= NodeFileReader
