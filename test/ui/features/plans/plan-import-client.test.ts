import { afterEach, describe, expect, it, vi } from 'vitest'
import { planImportLimits } from '../../../../core/import/limits'
import {
  createWorkerPlanReader,
  type PlanReadRequest,
  type PlanWorker,
} from '../../../../renderer/features/plans/plan-import-client'
import type { ReadPlanOutcome } from '../../../../core/import/read-plan-file'

/** A worker that records what it was sent and answers only when the test says so, in the host's protocol. */
function fakeWorker() {
  const sent: { message: PlanReadRequest; transfer: Transferable[]; job: number }[] = []
  let terminated = false
  const worker: PlanWorker = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage: (message, transfer) => void sent.push({ message: message.request, transfer, job: message.job }),
    terminate: () => {
      terminated = true
    },
  }
  return {
    worker,
    sent,
    terminated: () => terminated,
    answer: (data: ReadPlanOutcome) =>
      worker.onmessage?.(new MessageEvent('message', { data: { kind: 'done', job: sent[0]?.job, result: data } })),
  }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('reading a plan file in a Web Worker', () => {
  it('hands the bytes over to the worker and returns its answer, then stops it', async () => {
    const fake = fakeWorker()
    const read = createWorkerPlanReader({ start: () => fake.worker })
    const bytes = new Uint8Array([1, 2, 3])
    const pending = read({ name: 'plan.csv', bytes }, new AbortController().signal)
    expect(fake.sent[0]?.message.name).toBe('plan.csv')
    expect(fake.sent[0]?.transfer).toEqual([bytes.buffer])
    fake.answer({ ok: false, message: 'plan.csv is empty. Nothing was imported.' })
    await expect(pending).resolves.toEqual({ ok: false, message: 'plan.csv is empty. Nothing was imported.' })
    expect(fake.terminated()).toBe(true)
  })

  it('copies a view into a larger buffer rather than giving the whole buffer away', async () => {
    const fake = fakeWorker()
    const whole = new Uint8Array([9, 9, 1, 2, 9])
    void createWorkerPlanReader({ start: () => fake.worker })(
      { name: 'p.csv', bytes: whole.subarray(2, 4) },
      new AbortController().signal,
    )
    expect(new Uint8Array(fake.sent[0]?.message.bytes ?? new ArrayBuffer(0))).toEqual(new Uint8Array([1, 2]))
    expect(fake.sent[0]?.message.bytes).not.toBe(whole.buffer)
  })

  it('stops a worker that takes longer than the time limit and says so', async () => {
    vi.useFakeTimers()
    const fake = fakeWorker()
    const pending = createWorkerPlanReader({ start: () => fake.worker })(
      { name: 'plan.xlsx', bytes: new Uint8Array(10) },
      new AbortController().signal,
    )
    await vi.advanceTimersByTimeAsync(planImportLimits.maxMillis + 1)
    await expect(pending).resolves.toEqual({
      ok: false,
      message: 'Reading plan.xlsx took longer than 10 seconds; the file is too large or damaged. Nothing was imported.',
    })
    expect(fake.terminated()).toBe(true)
    // A late answer from the stopped worker changes nothing.
    fake.answer({ ok: false, message: 'late' })
  })

  it('stops the worker at once when the tester cancels', async () => {
    const fake = fakeWorker()
    const controller = new AbortController()
    const pending = createWorkerPlanReader({ start: () => fake.worker })(
      { name: 'plan.xlsx', bytes: new Uint8Array(10) },
      controller.signal,
    )
    controller.abort()
    await expect(pending).resolves.toMatchObject({ ok: false, canceled: true })
    expect(fake.terminated()).toBe(true)
  })

  it('refuses a file over the size limit without starting a worker', async () => {
    const start = vi.fn(() => fakeWorker().worker)
    const outcome = await createWorkerPlanReader({ start, limits: { ...planImportLimits, maxBytes: 4 } })(
      { name: 'big.csv', bytes: new Uint8Array(5) },
      new AbortController().signal,
    )
    expect(outcome).toEqual({
      ok: false,
      message: 'big.csv is 5 bytes; a plan file can be at most 4 bytes. Nothing was imported.',
    })
    expect(start).not.toHaveBeenCalled()
  })

  it('turns a crash of the worker into a message naming the file', async () => {
    const fake = fakeWorker()
    const pending = createWorkerPlanReader({ start: () => fake.worker })(
      { name: 'plan.json', bytes: new Uint8Array(3) },
      new AbortController().signal,
    )
    fake.worker.onerror?.(new ErrorEvent('error', { message: 'out of memory' }))
    await expect(pending).resolves.toEqual({
      ok: false,
      message: 'plan.json could not be read: the file reader stopped (out of memory). Nothing was imported.',
    })
  })
})
