// What the large-files e2e test installs in the page: the renderer's own chunked
// save and range read, bundled as they are, since nothing in the app calls them yet.
export { saveFile } from '../../renderer/widgets/large-files/save-file'
export { readPickedFile } from '../../renderer/widgets/large-files/read-picked-file'
