// What the large-files e2e test installs in the page: the renderer's own chunked
// save and range read, bundled as they are, since nothing in the app calls them yet.
import { readPickedFile } from '../../renderer/widgets/large-files/read-picked-file'
import { saveFile } from '../../renderer/widgets/large-files/save-file'

export { readPickedFile, saveFile }

/** The renderer's large-file client, as page code finds it once installed. */
export type LargeFilesGlobal = { readonly saveFile: typeof saveFile; readonly readPickedFile: typeof readPickedFile }
