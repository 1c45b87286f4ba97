import type { PhotoRole } from '../model/unit'

// Words a file name uses for each role, in English and German (labs photograph the "Typenschild"), as whole words.
const words: readonly { readonly role: Exclude<PhotoRole, 'other'>; readonly pattern: RegExp }[] = [
  {
    role: 'rating-label',
    pattern:
      /(^|[^a-z])(rating[ -]?(label|plate)|type[ -]?(label|plate)|name[ -]?plate|typenschild|leistungsschild|typschild|label)([^a-z]|$)/,
  },
  { role: 'packaging', pattern: /(^|[^a-z])(packaging|package|packed|box|boxed|carton|verpackung|karton)([^a-z]|$)/ },
  { role: 'back', pattern: /(^|[^a-z])(back|rear|underside|bottom|rueckseite|ruckseite|hinten)([^a-z]|$)/ },
  { role: 'front', pattern: /(^|[^a-z])(front|vorderseite|vorne)([^a-z]|$)/ },
]

/**
 * What a photo shows, guessed from its file name alone ("IMG_front.jpg",
 * "rating-label.png", "Typenschild.jpg", "box.jpg"); null when the name says
 * nothing, so the person is asked. Never from the photo's place in a batch.
 */
export function guessPhotoRole(fileName: string): PhotoRole | null {
  const dot = fileName.lastIndexOf('.')
  const stem = (dot > 0 ? fileName.slice(0, dot) : fileName)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // Rückseite reads as Ruckseite
    .toLowerCase()
    .replace(/([a-z])(?=\d)|(\d)(?=[a-z])/g, '$1$2 ') // "back2" and "2back" are still "back"
  return words.find(({ pattern }) => pattern.test(stem))?.role ?? null
}
