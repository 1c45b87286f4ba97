/** Why a window's renderer went, as Electron's RenderProcessGoneDetails says; a newer Electron may add reasons. */
export type GoneDetails = { readonly reason: string; readonly exitCode: number }

/** What the person is shown: a heading, the explanation under it, and the choices. */
export type TroubleWords = { readonly message: string; readonly detail: string }

const keptOnDisk =
  'Work the window showed as saved is kept. A file save that was under way was stopped, and the file it would have replaced is unchanged: save it again after reloading.'

/** The heading for each way a renderer goes; what a person can act on, not Chromium's name for it. */
function headingFor({ reason, exitCode }: GoneDetails): string {
  switch (reason) {
    case 'crashed':
      return 'WWA Lab’s window crashed'
    case 'oom':
      return 'WWA Lab’s window ran out of memory'
    case 'memory-eviction':
      return 'The system closed WWA Lab’s window to free memory'
    case 'killed':
      return 'WWA Lab’s window was stopped by the system or another program'
    case 'abnormal-exit':
      return `WWA Lab’s window stopped unexpectedly (exit code ${exitCode})`
    case 'clean-exit':
      return 'WWA Lab’s window closed its page unexpectedly'
    case 'launch-failed':
      return 'WWA Lab’s window could not start'
    case 'integrity-failure':
      return 'WWA Lab’s window was blocked by a code integrity check'
    default:
      return `WWA Lab’s window stopped (${reason}, exit code ${exitCode})`
  }
}

/** What to try, for the reasons where reloading alone is not the whole answer. */
function adviceFor(reason: string): string | undefined {
  switch (reason) {
    case 'oom':
    case 'memory-eviction':
    case 'launch-failed':
      return 'Closing other programs frees memory for it; a very large import may need to be split into smaller files.'
    case 'integrity-failure':
      return 'Reinstalling WWA Lab may help; if it keeps happening, ask whoever looks after this computer.'
    default:
      return undefined
  }
}

/** The words for a renderer that is gone; `again` when it went soon after the last reload, so reloading is not helping. */
export function goneWords(details: GoneDetails, again: boolean): TroubleWords {
  const lines = [
    'Reload the window to go on, or quit.',
    keptOnDisk,
    adviceFor(details.reason),
    again
      ? 'This happened again soon after the last reload. If it keeps happening, quit and start WWA Lab again.'
      : undefined,
  ]
  return { message: headingFor(details), detail: lines.filter((line) => line !== undefined).join('\n\n') }
}

/** The words for a window whose page has stopped responding to input. */
export const unresponsiveWords: TroubleWords = {
  message: 'WWA Lab’s window stopped responding',
  detail: [
    'It may be busy with a large file or a long import. Wait to give it more time, or reload it.',
    'Reloading stops what it was doing: work it showed as saved is kept, but anything it had not yet shown as saved may be lost, and a file save under way is stopped with the old file unchanged.',
  ].join('\n\n'),
}
