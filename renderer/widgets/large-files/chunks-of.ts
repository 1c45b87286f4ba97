/** What a save can write: a Blob, or pieces of any size made as they are needed (a packet being zipped). */
export type SaveSource = Blob | AsyncIterable<Uint8Array> | Iterable<Uint8Array>

/**
 * The source cut into chunks of exactly `size` bytes (the last one shorter),
 * each a fresh Uint8Array of its own. Own buffers matter: IPC clones a typed
 * array's whole underlying buffer, so a small view into a large buffer would
 * carry all of it. Only one chunk is held at a time, whatever the source's size.
 */
export async function* chunksOf(source: SaveSource, size: number): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  if (source instanceof Blob) {
    for (let offset = 0; offset < source.size; offset += size) {
      yield new Uint8Array(await source.slice(offset, offset + size).arrayBuffer())
    }
    return
  }
  let chunk = new Uint8Array(size)
  let filled = 0
  for await (const piece of source) {
    let rest = piece
    while (rest.byteLength > 0) {
      const taken = Math.min(size - filled, rest.byteLength)
      chunk.set(rest.subarray(0, taken), filled)
      filled += taken
      rest = rest.subarray(taken)
      if (filled === size) {
        yield chunk
        chunk = new Uint8Array(size)
        filled = 0
      }
    }
  }
  if (filled > 0) yield chunk.slice(0, filled)
}
