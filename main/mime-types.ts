import { mimeTypeOf } from '../core/model/file-types'

export { unknownMimeType } from '../core/model/file-types'

/** The MIME type for a file name, judged by its extension only (core/model/file-types.ts); unknown extensions are opaque bytes. */
export const mimeTypeFor = (fileName: string): string => mimeTypeOf(fileName)
