import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createWorkerPool,
  defaultPoolSize,
  runInWorker,
  type JobLabel,
  type JobOptions,
} from '../../../renderer/workers/host'
import type { WorkerProtocol } from '../../../renderer/workers/protocol'
import { scriptedWorker, scriptedWorkers, servedWorker } from './fake-workers'

type Decode = WorkerProtocol<
  { readonly name: string; readonly bytes: ArrayBuffer },
  { readonly pixels: ArrayBuffer },
  { readonly done: number }
>

const label: JobLabel = {
  subject: 'photo.png',
  action: 'decoded',
  worker: 'image decoder',
  remedy: 'Nothing was stored.',
}
const job = (more: Partial<JobOptions<Decode>> = {}): JobOptions<Decode> => ({ deadlineMillis: 5_000, label, ...more })
const request = () => ({ name: 'photo.png', bytes: new Uint8Array([1, 2, 3]).buffer })

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('running a job in a worker', () => {
  it('sends the request, returns the result and terminates the worker', async () => {
    const fake = scriptedWorker<Decode['request']>()
    const pending = runInWorker<Decode>(() => fake.worker, request(), job())
    expect(fake.sent).toHaveLength(1)
    expect(fake.sent[0]?.message).toMatchObject({ kind: 'request', request: { name: 'photo.png' } })
    expect(fake.terminated()).toBe(false)
    const pixels = new ArrayBuffer(8)
    fake.done({ pixels })
    await expect(pending).resolves.toEqual({ kind: 'done', result: { pixels } })
    expect(fake.terminated()).toBe(true)
  })

  it('hands over exactly the buffers it is told to, and the worker side hands back the result’s', async () => {
    const input = new Uint8Array([7, 8, 9]).buffer
    const served = servedWorker<Decode>(async ({ bytes }) => ({ pixels: bytes.slice(0) }), {
      transferOf: (result) => [result.pixels],
    })
    const outcome = await runInWorker<Decode>(
      () => served.worker,
      { name: 'photo.png', bytes: input },
      job({ transfer: [input] }),
    )
    // A transferred buffer is detached from the sender: the window no longer holds a copy.
    expect(input.byteLength).toBe(0)
    expect(outcome.kind === 'done' && new Uint8Array(outcome.result.pixels)).toEqual(new Uint8Array([7, 8, 9]))
    const answer = served.posted.at(-1)
    expect(answer?.transfer).toHaveLength(1)
    expect(answer?.transfer[0]).toBeInstanceOf(ArrayBuffer)
    expect((answer?.transfer[0] as ArrayBuffer).byteLength).toBe(0)
  })

  it('passes the scripted transfer list to postMessage unchanged', () => {
    const fake = scriptedWorker<Decode['request']>()
    const buffers = [new ArrayBuffer(4), new ArrayBuffer(2)]
    void runInWorker<Decode>(() => fake.worker, request(), job({ transfer: buffers }))
    expect(fake.sent[0]?.transfer).toEqual(buffers)
    expect(fake.sent[0]?.transfer[0]).toBe(buffers[0])
  })

  it('reports progress in order until the outcome, and none after it', async () => {
    const seen: number[] = []
    const served = servedWorker<Decode>(async (_request, progress) => {
      progress({ done: 1 })
      await Promise.resolve()
      progress({ done: 2 })
      // A handler that keeps a timer going past its answer must not reach the caller with it.
      setTimeout(() => progress({ done: 99 }), 0)
      return { pixels: new ArrayBuffer(1) }
    })
    const outcome = await runInWorker<Decode>(
      () => served.worker,
      request(),
      job({ onProgress: (p) => seen.push(p.done) }),
    )
    expect(outcome.kind).toBe('done')
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(seen).toEqual([1, 2])
    expect(served.posted.map((p) => (p.message as { kind: string }).kind)).toEqual(['progress', 'progress', 'done'])
  })

  it('turns a handler that throws, or rejects, into a failure naming the subject, not an unhandled error', async () => {
    const throwing = servedWorker<Decode>(() => {
      throw new Error('Invalid PNG header')
    })
    await expect(runInWorker<Decode>(() => throwing.worker, request(), job())).resolves.toEqual({
      kind: 'failed',
      cause: 'handler',
      message: 'photo.png could not be decoded: the image decoder failed (Invalid PNG header). Nothing was stored.',
    })
    expect(throwing.terminated()).toBe(true)
    const rejecting = servedWorker<Decode>(async () => Promise.reject(new Error('')))
    await expect(runInWorker<Decode>(() => rejecting.worker, request(), job())).resolves.toMatchObject({
      kind: 'failed',
      message: 'photo.png could not be decoded: the image decoder failed (no reason given). Nothing was stored.',
    })
  })

  it('says so when the worker’s answer cannot be sent back', async () => {
    // A function cannot be cloned: the worker side must report that instead of falling silent.
    const served = servedWorker<WorkerProtocol<null, { readonly callback: () => void }>>(() => ({
      callback: () => undefined,
    }))
    const outcome = await runInWorker(() => served.worker, null, { deadlineMillis: 5_000, label })
    expect(outcome).toMatchObject({ kind: 'failed', cause: 'handler' })
    expect(outcome.kind === 'failed' && outcome.message).toMatch(
      /^photo\.png could not be decoded: the image decoder failed \(its answer could not be sent \(.+\)\)\. Nothing was stored\.$/,
    )
  })

  it('terminates a worker that passes its deadline, and ignores what it says afterwards', async () => {
    vi.useFakeTimers()
    const fake = scriptedWorker<Decode['request']>()
    let outcome: unknown
    void runInWorker<Decode>(() => fake.worker, request(), job({ deadlineMillis: 3_000 })).then((o) => (outcome = o))
    await vi.advanceTimersByTimeAsync(2_999)
    expect(outcome).toBeUndefined()
    expect(fake.terminated()).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(outcome).toEqual({ kind: 'timed-out', afterMillis: 3_000 })
    expect(fake.terminated()).toBe(true)
    fake.done({ pixels: new ArrayBuffer(1) })
    await vi.advanceTimersByTimeAsync(10)
    expect(outcome).toEqual({ kind: 'timed-out', afterMillis: 3_000 })
  })

  it('sets no timer for a job without a deadline (setTimeout would fire at once past 2^31 ms)', async () => {
    vi.useFakeTimers()
    const fake = scriptedWorker<Decode['request']>()
    let outcome: unknown
    void runInWorker<Decode>(() => fake.worker, request(), job({ deadlineMillis: Number.POSITIVE_INFINITY })).then(
      (o) => (outcome = o),
    )
    await vi.advanceTimersByTimeAsync(60 * 60 * 1000)
    expect(outcome).toBeUndefined()
    fake.done({ pixels: new ArrayBuffer(1) })
    await vi.advanceTimersByTimeAsync(0)
    expect(outcome).toMatchObject({ kind: 'done' })
  })

  it('terminates the worker at once on cancel, and starts none for a job already canceled', async () => {
    const fake = scriptedWorker<Decode['request']>()
    const controller = new AbortController()
    const pending = runInWorker<Decode>(() => fake.worker, request(), job({ signal: controller.signal }))
    controller.abort()
    expect(fake.terminated()).toBe(false)
    await expect(pending).resolves.toEqual({ kind: 'canceled' })
    expect(fake.terminated()).toBe(true)

    const start = vi.fn(() => scriptedWorker<Decode['request']>().worker)
    await expect(runInWorker<Decode>(start, request(), job({ signal: AbortSignal.abort() }))).resolves.toEqual({
      kind: 'canceled',
    })
    expect(start).not.toHaveBeenCalled()
  })

  it('turns a worker’s error event into a failure naming the subject, handled so the window does not report it', async () => {
    const fake = scriptedWorker<Decode['request']>()
    const pending = runInWorker<Decode>(() => fake.worker, request(), job())
    const event = fake.crash('out of memory')
    await expect(pending).resolves.toEqual({
      kind: 'failed',
      cause: 'crash',
      message: 'photo.png could not be decoded: the image decoder stopped (out of memory). Nothing was stored.',
    })
    expect(event.defaultPrevented).toBe(true)
    expect(fake.terminated()).toBe(true)
  })

  it('treats a message that cannot be read, or is not the protocol’s, as a damaged answer', async () => {
    const unreadable = scriptedWorker<Decode['request']>()
    const first = runInWorker<Decode>(() => unreadable.worker, request(), job())
    unreadable.damage()
    await expect(first).resolves.toEqual({
      kind: 'failed',
      cause: 'damaged',
      message: "photo.png could not be decoded: the image decoder's answer was damaged. Nothing was stored.",
    })
    expect(unreadable.terminated()).toBe(true)

    for (const data of [
      { ok: true },
      'done',
      null,
      { kind: 'done', job: 'one', result: 1 },
      { kind: 'failed', job: 1 },
    ]) {
      const fake = scriptedWorker<Decode['request']>()
      const pending = runInWorker<Decode>(() => fake.worker, request(), job())
      fake.reply(data)
      await expect(pending).resolves.toMatchObject({ kind: 'failed', cause: 'damaged' })
      expect(fake.terminated()).toBe(true)
    }
  })

  it('fails a job whose request the worker side could not read, rather than waiting for its deadline', async () => {
    const served = servedWorker<Decode>(() => ({ pixels: new ArrayBuffer(0) }))
    const pending = runInWorker<Decode>(
      () => served.worker,
      request(),
      job({ deadlineMillis: Number.POSITIVE_INFINITY }),
    )
    served.sendDamaged()
    await expect(pending).resolves.toEqual({
      kind: 'failed',
      cause: 'handler',
      message:
        'photo.png could not be decoded: the image decoder failed (the request could not be read). Nothing was stored.',
    })
    served.send({ hello: 'worker' })
    expect(served.posted.at(-1)?.message).toEqual({
      kind: 'failed',
      job: null,
      message: 'the request was not one it understands',
    })
  })

  it('says which file could not be worked on when the worker does not start', async () => {
    const outcome = await runInWorker<Decode>(
      () => {
        throw new Error('Workers are disabled')
      },
      request(),
      job(),
    )
    expect(outcome).toEqual({
      kind: 'failed',
      cause: 'start',
      message:
        'photo.png could not be decoded: the image decoder did not start (Workers are disabled). Nothing was stored.',
    })
  })
})

describe('a pool of workers', () => {
  it('runs at most N jobs at once, queues the rest in order, and gives a fresh worker to each', async () => {
    const workers = scriptedWorkers<Decode['request']>()
    const pool = createWorkerPool<Decode>({ start: workers.start, size: 2 })
    const names = ['a.png', 'b.png', 'c.png', 'd.png', 'e.png']
    const pending = names.map((name) => pool.run({ name, bytes: new ArrayBuffer(1) }, job()))
    expect(workers.started).toHaveLength(2)
    expect(workers.started.map((w) => w.sent[0]?.message.request.name)).toEqual(['a.png', 'b.png'])

    // Answer whichever job is running longest; each answer lets the next queued job start.
    for (let answered = 0; answered < names.length; answered++) {
      const running = workers.started.find((w) => !w.terminated())
      running?.done({ pixels: new ArrayBuffer(answered) })
      await new Promise((resolve) => setTimeout(resolve, 0))
      expect(workers.alive()).toBeLessThanOrEqual(2)
    }
    const outcomes = await Promise.all(pending)
    expect(outcomes.map((o) => o.kind === 'done' && o.result.pixels.byteLength)).toEqual([0, 1, 2, 3, 4])
    expect(workers.started.map((w) => w.sent[0]?.message.request.name)).toEqual(names)
    expect(workers.mostAlive()).toBe(2)
    expect(workers.started.every((w) => w.terminated() && w.sent.length === 1)).toBe(true)
  })

  it('keeps a worker for the next job only when told to, and never one that timed out', async () => {
    vi.useFakeTimers()
    const workers = scriptedWorkers<Decode['request']>()
    const pool = createWorkerPool<Decode>({ start: workers.start, size: 1, reuse: true })
    const first = pool.run(request(), job())
    workers.started[0]?.done({ pixels: new ArrayBuffer(1) })
    await expect(first).resolves.toMatchObject({ kind: 'done' })
    expect(workers.started[0]?.terminated()).toBe(false)

    const seen: number[] = []
    const second = pool.run(request(), job({ deadlineMillis: 1_000, onProgress: (p) => seen.push(p.done) }))
    expect(workers.started).toHaveLength(1)
    const kept = workers.started[0]
    // The first job's leftovers, arriving late on the kept worker, are not the second job's.
    kept?.reply({ kind: 'progress', job: kept.sent[0]?.message.job, progress: { done: 99 } })
    kept?.progress({ done: 1 })
    await vi.advanceTimersByTimeAsync(1_000)
    await expect(second).resolves.toEqual({ kind: 'timed-out', afterMillis: 1_000 })
    expect(seen).toEqual([1])
    expect(kept?.terminated()).toBe(true)

    const third = pool.run(request(), job())
    expect(workers.started).toHaveLength(2)
    workers.started[1]?.done({ pixels: new ArrayBuffer(1) })
    await expect(third).resolves.toMatchObject({ kind: 'done' })
  })

  it('drops a queued job on cancel without starting a worker for it', async () => {
    const workers = scriptedWorkers<Decode['request']>()
    const pool = createWorkerPool<Decode>({ start: workers.start, size: 1 })
    const running = pool.run(request(), job())
    const controller = new AbortController()
    const queued = pool.run({ name: 'queued.png', bytes: new ArrayBuffer(1) }, job({ signal: controller.signal }))
    const after = pool.run({ name: 'after.png', bytes: new ArrayBuffer(1) }, job())
    controller.abort()
    await expect(queued).resolves.toEqual({ kind: 'canceled' })
    workers.started[0]?.done({ pixels: new ArrayBuffer(1) })
    await expect(running).resolves.toMatchObject({ kind: 'done' })
    expect(workers.started.map((w) => w.sent[0]?.message.request.name)).toEqual(['photo.png', 'after.png'])
    workers.started[1]?.done({ pixels: new ArrayBuffer(1) })
    await expect(after).resolves.toMatchObject({ kind: 'done' })
  })

  it('on close, cancels running and queued jobs and terminates every worker, kept ones too', async () => {
    const workers = scriptedWorkers<Decode['request']>()
    const pool = createWorkerPool<Decode>({ start: workers.start, size: 2, reuse: true })
    const kept = pool.run(request(), job())
    workers.started[0]?.done({ pixels: new ArrayBuffer(1) })
    await kept
    const jobs = [pool.run(request(), job()), pool.run(request(), job()), pool.run(request(), job())]
    pool.close()
    await expect(Promise.all(jobs)).resolves.toEqual([{ kind: 'canceled' }, { kind: 'canceled' }, { kind: 'canceled' }])
    expect(workers.started).toHaveLength(2)
    expect(workers.started.every((w) => w.terminated())).toBe(true)
    await expect(pool.run(request(), job())).resolves.toEqual({ kind: 'canceled' })
  })

  it('drops a kept worker that dies while idle, so the next job gets a live one', async () => {
    const workers = scriptedWorkers<Decode['request']>()
    const pool = createWorkerPool<Decode>({ start: workers.start, size: 1, reuse: true })
    const first = pool.run(request(), job())
    workers.started[0]?.done({ pixels: new ArrayBuffer(1) })
    await first
    expect(workers.started[0]?.crash('gone').defaultPrevented).toBe(true)
    expect(workers.started[0]?.terminated()).toBe(true)
    const next = pool.run(request(), job())
    expect(workers.started).toHaveLength(2)
    workers.started[1]?.done({ pixels: new ArrayBuffer(1) })
    await expect(next).resolves.toMatchObject({ kind: 'done' })
  })

  it('sizes itself from the cores, leaving one for the window, within 1 and the cap', () => {
    expect(defaultPoolSize(16)).toBe(4)
    expect(defaultPoolSize(3)).toBe(2)
    expect(defaultPoolSize(1)).toBe(1)
    expect(defaultPoolSize(Number.NaN)).toBe(1)
    expect(defaultPoolSize(16, 8)).toBe(8)
    vi.stubGlobal('navigator', { hardwareConcurrency: 3 })
    expect(defaultPoolSize()).toBe(2)
  })
})
