import { z } from 'zod'
import type { Channel, Reply } from './channels'

/** Largest file the renderer may open or save through the bridge. */
export const maxTransferBytes = 64 * 1024 * 1024

const Bytes = z.instanceof(Uint8Array)

export const FileFilter = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^(\*|[a-z0-9]{1,10})$/i)).min(1).max(30),
})

export const OpenFilesRequest = z.object({
  title: z.string().max(200).optional(),
  filters: z.array(FileFilter).max(20).optional(),
  multiple: z.boolean().optional(),
  maxBytes: z.number().int().positive().max(maxTransferBytes).optional(),
})

export const PickedFile = z.object({
  name: z.string(),
  type: z.string(),
  size: z.number().int().nonnegative(),
  bytes: Bytes,
})

export const RejectedFile = z.object({ name: z.string(), reason: z.string() })

export const OpenFilesResponse = z.object({
  canceled: z.boolean(),
  files: z.array(PickedFile),
  rejected: z.array(RejectedFile),
})

export const SaveAsRequest = z.object({
  title: z.string().max(200).optional(),
  suggestedName: z.string().min(1).max(255),
  filters: z.array(FileFilter).max(20).optional(),
  bytes: Bytes.refine((b) => b.byteLength <= maxTransferBytes, 'The file is larger than the 64 MiB limit.'),
})

export const SaveAsResponse = z.discriminatedUnion('canceled', [
  z.object({ canceled: z.literal(true) }),
  z.object({ canceled: z.literal(false), path: z.string(), name: z.string(), size: z.number().int().nonnegative() }),
])

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  electron: z.string().nullable(),
  chrome: z.string().nullable(),
  node: z.string(),
  platform: z.string(),
})

/** Every channel between renderer and main, with the schema of its request and response. */
export const contract = {
  'app.info': { request: z.undefined(), response: AppInfo },
  'files.open': { request: OpenFilesRequest, response: OpenFilesResponse },
  'files.saveAs': { request: SaveAsRequest, response: SaveAsResponse },
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>

export type Contract = typeof contract
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>

type GroupOf<C extends string> = C extends `${infer G}.${string}` ? G : never
type CallOf<C extends Channel> = RequestOf<C> extends undefined
  ? () => Promise<Reply<ResponseOf<C>>>
  : (request: RequestOf<C>) => Promise<Reply<ResponseOf<C>>>

/** The shape of the renderer's `lab` global: `lab.files.open(request)` for channel 'files.open'. */
export type LabBridge = {
  readonly [G in GroupOf<Channel>]: {
    readonly [C in Channel as C extends `${G}.${infer M}` ? M : never]: CallOf<C>
  }
}

export type OpenFilesRequest = z.input<typeof OpenFilesRequest>
export type OpenFilesResponse = z.output<typeof OpenFilesResponse>
export type PickedFile = z.output<typeof PickedFile>
export type SaveAsRequest = z.input<typeof SaveAsRequest>
export type SaveAsResponse = z.output<typeof SaveAsResponse>
export type AppInfo = z.output<typeof AppInfo>
