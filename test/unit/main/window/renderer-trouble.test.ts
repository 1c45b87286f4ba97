import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import {
  watchRendererTrouble,
  type TroubledContents,
  type TroubleQuestion,
} from '../../../../main/window/renderer-trouble'

/** A person at the message box: each question waits until the test answers it by button label. */
function person() {
  const questions: { question: TroubleQuestion; answer(label: string): void }[] = []
  const ask = vi.fn(
    (question: TroubleQuestion) =>
      new Promise<number>((resolve) => {
        // Closing by signal answers as if cancelled, as Electron's message box does.
        question.signal?.addEventListener('abort', () => resolve(question.cancelId))
        questions.push({
          question,
          answer: (label) => {
            const index = question.buttons.indexOf(label)
            if (index < 0) throw new Error(`No button "${label}" in ${question.buttons.join(', ')}`)
            resolve(index)
          },
        })
      }),
  )
  const last = () => {
    const question = questions.at(-1)
    if (question === undefined) throw new Error('Nothing was asked.')
    return question
  }
  return { ask, questions, last }
}

function troubledWindow() {
  const events = new EventEmitter()
  let destroyed = false
  let clock = 1_000_000
  const timers: { run: () => void; ms: number }[] = []
  const contents = Object.assign(events, {
    isDestroyed: () => destroyed,
    reload: vi.fn(),
    forcefullyCrashRenderer: vi.fn(() => {
      // Electron reports the renderer it ended as gone.
      events.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 })
    }),
  })
  const at = person()
  const quit = vi.fn()
  watchRendererTrouble(contents as unknown as TroubledContents, {
    ask: at.ask,
    quit,
    now: () => clock,
    setTimer: (run, ms) => timers.push({ run, ms }),
    clearTimer: (timer) => {
      const index = (timer as number) - 1
      if (timers[index]) timers[index] = { run: () => undefined, ms: -1 }
    },
    waitAgainMs: 15_000,
  })
  return {
    contents,
    at,
    quit,
    timers,
    gone: (reason: string, exitCode = 0) => events.emit('render-process-gone', {}, { reason, exitCode }),
    hang: () => events.emit('unresponsive'),
    answerAgain: () => events.emit('responsive'),
    destroy: () => {
      destroyed = true
    },
    advance: (ms: number) => {
      clock += ms
    },
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('a renderer that is gone', () => {
  it.each([
    ['crashed', 0, 'WWA Lab’s window crashed'],
    ['killed', 9, 'WWA Lab’s window was stopped by the system or another program'],
    ['oom', 0, 'WWA Lab’s window ran out of memory'],
    ['abnormal-exit', 3, 'WWA Lab’s window stopped unexpectedly (exit code 3)'],
    ['launch-failed', 1, 'WWA Lab’s window could not start'],
    ['integrity-failure', 0, 'WWA Lab’s window was blocked by a code integrity check'],
    ['memory-eviction', 0, 'The system closed WWA Lab’s window to free memory'],
    ['clean-exit', 0, 'WWA Lab’s window closed its page unexpectedly'],
    ['some-future-reason', 5, 'WWA Lab’s window stopped (some-future-reason, exit code 5)'],
  ])('says what happened when it %s, and offers Reload or Quit', async (reason, exitCode, heading) => {
    const window = troubledWindow()
    window.gone(reason, exitCode)
    const { question } = window.at.last()
    expect(question).toMatchObject({ type: 'error', message: heading, buttons: ['Reload', 'Quit'], cancelId: 0 })
    expect(question.detail).toContain('A file save that was under way was stopped')
    window.at.last().answer('Reload')
    await settle()
    expect(window.contents.reload).toHaveBeenCalledOnce()
    expect(window.quit).not.toHaveBeenCalled()
  })

  it('gives advice where reloading alone may not do: memory for oom, reinstalling for an integrity failure', () => {
    const window = troubledWindow()
    window.gone('oom')
    expect(window.at.last().question.detail).toContain('Closing other programs frees memory')
    const other = troubledWindow()
    other.gone('integrity-failure')
    expect(other.at.last().question.detail).toContain('Reinstalling WWA Lab may help')
  })

  it('quits when the person chooses Quit, and reloads when they close the box: never a blank window', async () => {
    const window = troubledWindow()
    window.gone('crashed')
    window.at.last().answer('Quit')
    await settle()
    expect(window.quit).toHaveBeenCalledOnce()
    expect(window.contents.reload).not.toHaveBeenCalled()

    const closed = troubledWindow()
    closed.gone('crashed')
    expect(closed.at.last().question.cancelId).toBe(closed.at.last().question.buttons.indexOf('Reload'))
  })

  it('reloads even when the box cannot be shown', async () => {
    const window = troubledWindow()
    window.at.ask.mockRejectedValueOnce(new Error('no display'))
    window.gone('crashed')
    await settle()
    expect(window.contents.reload).toHaveBeenCalledOnce()
  })

  it('says so when it goes again soon after a reload, and not when a reload has held for long', async () => {
    const window = troubledWindow()
    window.gone('crashed')
    window.at.last().answer('Reload')
    await settle()
    window.advance(20_000)
    window.gone('crashed')
    expect(window.at.last().question.detail).toContain('This happened again soon after the last reload')
    window.at.last().answer('Reload')
    await settle()
    window.advance(10 * 60_000)
    window.gone('crashed')
    expect(window.at.last().question.detail).not.toContain('This happened again')
  })

  it('asks once however many times the event comes while the box is open, and not at all for a closing window', async () => {
    const window = troubledWindow()
    window.gone('crashed')
    window.gone('crashed')
    expect(window.at.questions).toHaveLength(1)

    const closing = troubledWindow()
    closing.destroy()
    closing.gone('clean-exit')
    expect(closing.at.questions).toHaveLength(0)
  })
})

describe('a page that stops responding', () => {
  it('says “WWA Lab’s window stopped responding” and offers Wait, Reload, Quit; Wait is what closing the box means', () => {
    const window = troubledWindow()
    window.hang()
    expect(window.at.last().question).toMatchObject({
      type: 'warning',
      message: 'WWA Lab’s window stopped responding',
      buttons: ['Wait', 'Reload', 'Quit'],
      cancelId: 0,
    })
  })

  it('on Reload ends the hung renderer and loads the page in a new one, without a second question about the kill', async () => {
    const window = troubledWindow()
    window.hang()
    window.at.last().answer('Reload')
    await settle()
    expect(window.contents.forcefullyCrashRenderer).toHaveBeenCalledOnce()
    expect(window.contents.reload).toHaveBeenCalledOnce()
    expect(window.at.questions).toHaveLength(1)
  })

  it('on Quit ends the hung renderer, so quitting does not wait on it, and quits', async () => {
    const window = troubledWindow()
    window.hang()
    window.at.last().answer('Quit')
    await settle()
    expect(window.contents.forcefullyCrashRenderer).toHaveBeenCalledOnce()
    expect(window.quit).toHaveBeenCalledOnce()
    expect(window.at.questions).toHaveLength(1)
  })

  it('on Wait asks again after the wait if it is still stuck, and not if it answered meanwhile', async () => {
    const window = troubledWindow()
    window.hang()
    window.at.last().answer('Wait')
    await settle()
    expect(window.timers.at(-1)?.ms).toBe(15_000)
    window.hang() // Electron may say so again; the wait is already running
    expect(window.at.questions).toHaveLength(1)
    window.timers.at(-1)?.run()
    expect(window.at.questions).toHaveLength(2)
    window.at.last().answer('Wait')
    await settle()
    window.answerAgain()
    window.timers.at(-1)?.run()
    expect(window.at.questions).toHaveLength(2)
    expect(window.contents.reload).not.toHaveBeenCalled()
  })

  it('closes the question by itself when the page answers again, and does nothing more', async () => {
    const window = troubledWindow()
    window.hang()
    const { question } = window.at.last()
    window.answerAgain()
    await settle()
    expect(question.signal?.aborted).toBe(true)
    expect(window.contents.reload).not.toHaveBeenCalled()
    expect(window.contents.forcefullyCrashRenderer).not.toHaveBeenCalled()
    expect(window.quit).not.toHaveBeenCalled()
  })

  it('turns into the crash question if the renderer goes while the person decides', async () => {
    const window = troubledWindow()
    window.hang()
    const hung = window.at.last()
    window.gone('crashed')
    await settle()
    expect(hung.question.signal?.aborted).toBe(true)
    expect(window.at.last().question.message).toBe('WWA Lab’s window crashed')
    window.at.last().answer('Reload')
    await settle()
    expect(window.contents.reload).toHaveBeenCalledOnce()
    expect(window.contents.forcefullyCrashRenderer).not.toHaveBeenCalled()
  })

  it('still asks about a real crash long after the renderer it ended for a reload', async () => {
    const window = troubledWindow()
    window.hang()
    window.at.last().answer('Reload')
    await settle()
    window.advance(5 * 60_000)
    window.gone('oom')
    expect(window.at.last().question.message).toBe('WWA Lab’s window ran out of memory')
  })
})
