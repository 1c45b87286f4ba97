import { describe, expect, it } from 'vitest'
import { extensionOf, extensionsFor, fileTypes, isPhotoName, mimeTypeOf } from '../../../../core/model/file-types'

describe('file types', () => {
  it('names a file type by its extension, whatever its case, and anything else as opaque bytes', () => {
    expect(mimeTypeOf('Front.JPG')).toBe('image/jpeg')
    expect(mimeTypeOf('bench.log')).toBe('text/plain')
    expect(mimeTypeOf('capture.pcapng')).toBe('application/vnd.tcpdump.pcap')
    expect(mimeTypeOf('index.html')).toBe('text/html')
    expect(mimeTypeOf('firmware.bin')).toBe('application/octet-stream')
    expect(mimeTypeOf('.bashrc')).toBe('application/octet-stream')
    expect(mimeTypeOf('no-extension')).toBe('application/octet-stream')
    expect(extensionOf('archive.tar.gz')).toBe('gz')
  })

  it('says which names claim to be photos, so such a file must be one', () => {
    expect(isPhotoName('label.webp')).toBe(true)
    expect(isPhotoName('label.svg')).toBe(false)
    expect(isPhotoName('photo.jpg.log')).toBe(false)
  })

  it('offers each dialog the extensions of its use, and lists every extension once', () => {
    expect(extensionsFor('photo')).toEqual(['jpg', 'jpeg', 'png', 'webp', 'gif', 'bmp'])
    expect(extensionsFor('plan')).toEqual(['csv', 'json', 'xlsx'])
    expect(extensionsFor('evidence')).toEqual(
      expect.arrayContaining([...extensionsFor('photo'), 'log', 'pcap', 'pdf', 'zip']),
    )
    const extensions = fileTypes.map((t) => t.extension)
    expect(new Set(extensions).size).toBe(extensions.length)
  })
})
