import { z } from 'zod'
import { backupsContract } from './backups'
import type { Channel, Reply } from './channels'
import { filesContract } from './files'
import { journalContract } from './journal'
import { ledgerContract } from './ledger'

export {
  FileFilter,
  HandleFile,
  InlineFile,
  maxChunkBytes,
  maxInlineBytes,
  maxTransferBytes,
  OpenFilesRequest,
  OpenFilesResponse,
  PickedFile,
  RejectedFile,
  SaveAsRequest,
  SaveAsResponse,
} from './files'
export type { BeginSaveRequest, BeginSaveResponse, CommitSaveResponse } from './files'

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
  ...filesContract,
  ...backupsContract,
  ...ledgerContract,
  ...journalContract,
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>

export type Contract = typeof contract
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>

type GroupOf<C extends string> = C extends `${infer G}.${string}` ? G : never
type CallOf<C extends Channel> =
  RequestOf<C> extends undefined
    ? () => Promise<Reply<ResponseOf<C>>>
    : (request: RequestOf<C>) => Promise<Reply<ResponseOf<C>>>

/** The shape of the renderer's `lab` global: `lab.files.open(request)` for channel 'files.open'. */
export type LabBridge = {
  readonly [G in GroupOf<Channel>]: {
    readonly [C in Channel as C extends `${G}.${infer M}` ? M : never]: CallOf<C>
  }
}

export type AppInfo = z.output<typeof AppInfo>
