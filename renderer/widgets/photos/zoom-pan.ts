/** How a photo sits in the viewer: its scale (1 = one image pixel per screen pixel) and its centre's offset from the stage's centre. */
export type View = { readonly scale: number; readonly x: number; readonly y: number }
export type Size = { readonly width: number; readonly height: number }

export const maxScale = 8
const step = 1.25

/** The scale that shows the whole photo in the stage, never enlarging past its own size. */
export function fitScale(photo: Size, stage: Size): number {
  if (photo.width <= 0 || photo.height <= 0 || stage.width <= 0 || stage.height <= 0) return 1
  return Math.min(stage.width / photo.width, stage.height / photo.height, 1)
}

/** The whole photo, centred. */
export const fitted = (photo: Size, stage: Size): View => ({ scale: fitScale(photo, stage), x: 0, y: 0 })

/** Keeps the photo covering the stage where it is larger than it, and centred where it is smaller. */
export function clampView(view: View, photo: Size, stage: Size): View {
  const scale = Math.min(Math.max(view.scale, fitScale(photo, stage)), maxScale)
  const spareX = Math.max(0, (photo.width * scale - stage.width) / 2)
  const spareY = Math.max(0, (photo.height * scale - stage.height) / 2)
  const within = (value: number, spare: number) => Math.min(Math.max(value, -spare), spare)
  return { scale, x: within(view.x, spareX), y: within(view.y, spareY) }
}

/**
 * One zoom step in (direction 1) or out (-1), keeping the point under `anchor`
 * (relative to the stage's centre; the centre when not given) where it is.
 */
export function zoomStep(view: View, direction: 1 | -1, photo: Size, stage: Size, anchor = { x: 0, y: 0 }): View {
  const scale = Math.min(Math.max(view.scale * (direction === 1 ? step : 1 / step), fitScale(photo, stage)), maxScale)
  const ratio = scale / view.scale
  return clampView(
    { scale, x: anchor.x - (anchor.x - view.x) * ratio, y: anchor.y - (anchor.y - view.y) * ratio },
    photo,
    stage,
  )
}

/** The view moved by (dx, dy) screen pixels, as far as the photo reaches. */
export const panBy = (view: View, dx: number, dy: number, photo: Size, stage: Size): View =>
  clampView({ ...view, x: view.x + dx, y: view.y + dy }, photo, stage)

/** "125 %": the scale as people read it. */
export const percentOf = (view: View): string => `${Math.round(view.scale * 100)} %`
