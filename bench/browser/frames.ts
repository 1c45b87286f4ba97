// Frame timing for the scripts a bench injects into the app's documents (bundled with them).

export const frameMs = 1000 / 60

export const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** performance.now() once the frame after this moment has been produced (a rAF, then the task after it). */
export const afterNextFrame = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => resolve(performance.now())
      channel.port2.postMessage(undefined)
    }),
  )
