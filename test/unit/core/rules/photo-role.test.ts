import { describe, expect, test } from 'vitest'
import { guessPhotoRole } from '../../../../core/rules/photo-role'

describe('guessPhotoRole', () => {
  test.each([
    ['IMG_front.jpg', 'front'],
    ['front.png', 'front'],
    ['back.jpg', 'back'],
    ['SN-0001 Back 2.JPG', 'back'],
    ['back2.jpg', 'back'],
    ['rear-view.jpeg', 'back'],
    ['rating-label.png', 'rating-label'],
    ['rating_label_close.jpg', 'rating-label'],
    ['Typenschild.jpg', 'rating-label'],
    ['nameplate.webp', 'rating-label'],
    ['packaging.jpg', 'packaging'],
    ['box.jpg', 'packaging'],
    ['Verpackung oben.png', 'packaging'],
    ['Rückseite.jpg', 'back'],
    ['Vorderseite.jpg', 'front'],
  ] as const)('%s shows the %s', (name, role) => {
    expect(guessPhotoRole(name)).toBe(role)
  })

  test.each(['IMG_2031.jpg', 'pasted-image.png', 'frontier.jpg', 'backlight-test.jpg', 'xbox-controller.png'])(
    '%s says nothing, so the person is asked',
    (name) => {
      expect(guessPhotoRole(name)).toBeNull()
    },
  )

  test('the rating label wins over the side it is on', () => {
    expect(guessPhotoRole('back rating label.jpg')).toBe('rating-label')
  })
})
