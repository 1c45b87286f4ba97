// What the image-decode e2e test installs in the page: the image workers' own decode, run on the page's thread,
// and the hash distance it is judged by.
import { hammingDistance } from '../../core/rules/image-hash'
import { decodeImage } from '../../renderer/workers/image-decode.worker'

export { decodeImage, hammingDistance }

export type ImageDecodeGlobal = {
  readonly decodeImage: typeof decodeImage
  readonly hammingDistance: typeof hammingDistance
}
