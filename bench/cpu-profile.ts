/** A CPU profile as Chromium's DevTools protocol returns it (Profiler.stop), with the fields the benches read. */
export type CpuProfile = {
  readonly nodes: readonly {
    readonly id: number
    readonly children?: readonly number[]
    readonly callFrame: {
      readonly functionName: string
      readonly url: string
      readonly lineNumber: number
      readonly columnNumber: number
    }
  }[]
  readonly samples: readonly number[]
  readonly timeDeltas: readonly number[]
  readonly startTime: number
  readonly endTime: number
}
