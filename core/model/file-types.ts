/**
 * Every kind of file the app knows, in one table: its extension, MIME type, and
 * what it is used as. Photos are decoded and thumbnailed; evidence is any file a
 * result may carry; plans are read by the importer; the rest are what the app
 * serves itself or writes out. A name with no row is opaque bytes.
 */
export type FileType = {
  readonly extension: string
  readonly mime: string
  /** A picture the app decodes, thumbnails and compares. */
  readonly photo?: true
  /** Offered in the evidence dialog of the session runner. */
  readonly evidence?: true
  /** Read by the test plan importer. */
  readonly plan?: true
  /** Read by the listing importer. */
  readonly listings?: true
}

export const fileTypes: readonly FileType[] = [
  { extension: 'jpg', mime: 'image/jpeg', photo: true, evidence: true },
  { extension: 'jpeg', mime: 'image/jpeg', photo: true, evidence: true },
  { extension: 'png', mime: 'image/png', photo: true, evidence: true },
  { extension: 'webp', mime: 'image/webp', photo: true, evidence: true },
  { extension: 'gif', mime: 'image/gif', photo: true, evidence: true },
  { extension: 'bmp', mime: 'image/bmp', photo: true, evidence: true },
  { extension: 'log', mime: 'text/plain', evidence: true },
  { extension: 'txt', mime: 'text/plain', evidence: true },
  { extension: 'csv', mime: 'text/csv', evidence: true, plan: true, listings: true },
  { extension: 'json', mime: 'application/json', evidence: true, plan: true },
  {
    extension: 'xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    plan: true,
    listings: true,
  },
  { extension: 'xml', mime: 'application/xml', evidence: true },
  { extension: 'har', mime: 'application/json', evidence: true },
  { extension: 'pcap', mime: 'application/vnd.tcpdump.pcap', evidence: true },
  { extension: 'pcapng', mime: 'application/vnd.tcpdump.pcap', evidence: true },
  { extension: 'pdf', mime: 'application/pdf', evidence: true },
  { extension: 'zip', mime: 'application/zip', evidence: true },
  { extension: 'mp4', mime: 'video/mp4', evidence: true },
  { extension: 'mov', mime: 'video/quicktime', evidence: true },
  // What the app serves from its own files, and writes out.
  { extension: 'html', mime: 'text/html' },
  { extension: 'js', mime: 'text/javascript' },
  { extension: 'mjs', mime: 'text/javascript' },
  { extension: 'css', mime: 'text/css' },
  { extension: 'map', mime: 'application/json' },
  { extension: 'jsonl', mime: 'application/jsonl' },
  { extension: 'pem', mime: 'application/x-pem-file' },
  { extension: 'svg', mime: 'image/svg+xml' },
  { extension: 'avif', mime: 'image/avif' },
  { extension: 'heic', mime: 'image/heic' },
  { extension: 'ico', mime: 'image/x-icon' },
  { extension: 'woff', mime: 'font/woff' },
  { extension: 'woff2', mime: 'font/woff2' },
  { extension: 'ttf', mime: 'font/ttf' },
  { extension: 'otf', mime: 'font/otf' },
  { extension: 'wasm', mime: 'application/wasm' },
]

export const unknownMimeType = 'application/octet-stream'

const byExtension: ReadonlyMap<string, FileType> = new Map(fileTypes.map((type) => [type.extension, type]))

/** The extension of a file name, lower case, without the dot; '' for a name without one. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot <= 0 || dot === name.length - 1 ? '' : name.slice(dot + 1).toLowerCase()
}

/** The row of a file name's extension, if the app knows it. */
export const fileTypeOf = (name: string): FileType | undefined => byExtension.get(extensionOf(name))

/** The MIME type for a file name, judged by its extension only; unknown extensions are opaque bytes. */
export const mimeTypeOf = (name: string): string => fileTypeOf(name)?.mime ?? unknownMimeType

/** True for a name that says photo: such a file must also be one. */
export const isPhotoName = (name: string): boolean => fileTypeOf(name)?.photo === true

/** The extensions of the rows a use accepts, for a file dialog's filter. */
export const extensionsFor = (use: 'photo' | 'evidence' | 'plan' | 'listings'): string[] =>
  fileTypes.filter((type) => type[use] === true).map((type) => type.extension)
