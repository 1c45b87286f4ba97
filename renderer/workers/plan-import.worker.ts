// Parses an untrusted plan file away from the window's thread (SPEC §6): a file
// that makes the parser spin only freezes this worker, which the window stops
// after the time limit. One worker reads one file, then is terminated.
import { readPlanBytes, type ReadPlanOutcome } from '../../core/plan-import/read-plan-file'

/** The message the window sends: the bytes travel as a transferred ArrayBuffer, not a copy. */
export type PlanReadRequest = { readonly name: string; readonly bytes: ArrayBuffer }

// The project's DOM typings describe a window; these are the two members of a worker's scope it uses.
type WorkerScope = {
  onmessage: ((event: MessageEvent<PlanReadRequest>) => void) | null
  postMessage(message: ReadPlanOutcome): void
}

const scope = self as unknown as WorkerScope

scope.onmessage = (event) => {
  const { name, bytes } = event.data
  void readPlanBytes({ name, bytes: new Uint8Array(bytes) }).then((outcome) => scope.postMessage(outcome))
}
