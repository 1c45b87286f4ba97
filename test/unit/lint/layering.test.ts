import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

/** The rule ids ESLint reports for this source as if it lived at filePath. */
async function violations(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath })
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`)
}

// The first lint loads ESLint, its plugins and the type-aware config: seconds on a busy machine.
describe('layering rules (CONVENTIONS.md) fail lint', { timeout: 30_000 }, () => {
  it.each([
    ['electron', "import { app } from 'electron'\nexport const a = app"],
    ['React', "import { useState } from 'react'\nexport const a = useState"],
    ['Dexie', "import Dexie from 'dexie'\nexport const a = Dexie"],
    ['Node', "import { readFile } from 'node:fs/promises'\nexport const a = readFile"],
    ['main', "import { appOrigin } from '../main/app-origin'\nexport const a = appOrigin"],
    ['renderer', "import { LabDb } from '../../renderer/storage/lab-db'\nexport const a = LabDb"],
    ['any other package', "import { chromium } from 'playwright-core'\nexport const a = chromium"],
  ])('when core imports %s', async (_what, source) => {
    expect(await violations('core/rules/example.ts', source)).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*core/),
    ])
  })

  it('when core touches the DOM', async () => {
    const found = await violations('core/rules/example.ts', 'export const title = () => document.title + window.name\n')
    expect(found).toEqual([
      expect.stringMatching(/^no-restricted-globals: .*document/),
      expect.stringMatching(/^no-restricted-globals: .*window/),
    ])
  })

  it('when the renderer imports main or electron', async () => {
    expect(
      await violations(
        'renderer/features/example.ts',
        "import { createDispatcher } from '../../main/ipc/dispatcher'\nexport const a = createDispatcher\n",
      ),
    ).toEqual([expect.stringMatching(/^no-restricted-imports: .*renderer may import only core and renderer/)])
    expect(
      await violations(
        'renderer/features/example.ts',
        "import { ipcRenderer } from 'electron'\nexport const a = ipcRenderer\n",
      ),
    ).toEqual([expect.stringMatching(/^no-restricted-imports: .*renderer has no Node or electron/)])
  })

  it('when main imports the renderer, or the preload imports zod or the model', async () => {
    expect(
      await violations(
        'main/example.ts',
        "import { LabDb } from '../renderer/storage/lab-db'\nexport const a = LabDb\n",
      ),
    ).toHaveLength(1)
    expect(await violations('preload/example.ts', "import { z } from 'zod'\nexport const a = z\n")).toHaveLength(1)
    expect(
      await violations(
        'preload/example.ts',
        "import { Product } from '../core/model/product'\nexport const a = Product\n",
      ),
    ).toHaveLength(1)
  })

  it('when the command-line tool imports electron or React', async () => {
    expect(await violations('cli/example.ts', "import { app } from 'electron'\nexport const a = app\n")).toHaveLength(1)
    expect(
      await violations('cli/example.ts', "import { useState } from 'react'\nexport const a = useState\n"),
    ).toHaveLength(1)
  })

  it('when any main file but the IPC registry touches ipcMain', async () => {
    const source = "import { ipcMain } from 'electron'\nexport const a = ipcMain\n"
    expect(await violations('main/services/example.ts', source)).toEqual([
      expect.stringMatching(/Only main\/ipc\/registry\.ts touches ipcMain/),
    ])
    expect(await violations('main/ipc/registry.ts', source)).toEqual([])
    expect(
      await violations('main/services/example.ts', "import { dialog } from 'electron'\nexport const a = dialog\n"),
    ).toEqual([])
  })

  it('when a feature imports another feature', async () => {
    const source = "import { PlansList } from '../plans/PlansList'\nexport const a = PlansList\n"
    expect(await violations('renderer/features/sessions/example.ts', source)).toEqual([
      expect.stringMatching(
        /^boundaries\/renderer-boundaries: A feature never imports another feature \(renderer\/features\/plans\/PlansList\)/,
      ),
    ])
    // Its own files, and what features share, stay open to it.
    expect(await violations('renderer/features/plans/example.ts', source.replace('../plans/', './'))).toEqual([])
    expect(
      await violations(
        'renderer/features/plans/example.ts',
        "import { PhotoGallery } from '../../widgets/photos/PhotoGallery'\nexport const a = PhotoGallery\n",
      ),
    ).toEqual([])
  })

  it('when a feature imports dexie or the database class', async () => {
    expect(
      await violations('renderer/features/units/example.ts', "import Dexie from 'dexie'\nexport const a = Dexie\n"),
    ).toEqual([expect.stringMatching(/^no-restricted-imports: .*A feature does not use Dexie/)])
    expect(
      await violations(
        'renderer/features/units/example.ts',
        "import { LabDb } from '../../storage/lab-db'\nexport const a = LabDb\n",
      ),
    ).toEqual([expect.stringMatching(/^no-restricted-imports: .*A feature does not open the database/)])
    // Live queries over repositories are how features read.
    expect(
      await violations(
        'renderer/features/units/example.ts',
        "import { useLiveQuery } from 'dexie-react-hooks'\nexport const a = useLiveQuery\n",
      ),
    ).toEqual([])
  })

  it('when a worker imports a feature, or anything but core and the workers', async () => {
    expect(
      await violations(
        'renderer/workers/example.worker.ts',
        "import { PlansList } from '../features/plans/PlansList'\nexport const a = PlansList\n",
      ),
    ).toEqual([
      expect.stringMatching(
        /^boundaries\/renderer-boundaries: A worker may import only core and renderer\/workers, not renderer\/features\/plans\/PlansList/,
      ),
    ])
    expect(
      await violations(
        'renderer/workers/example.worker.ts',
        "import { useState } from 'react'\nexport const a = useState\n",
      ),
    ).toEqual([
      expect.stringMatching(
        /^boundaries\/renderer-boundaries: A worker may import only core and renderer\/workers, not react/,
      ),
    ])
    expect(
      await violations(
        'renderer/workers/example.worker.ts',
        "import { readTable } from '../../core/import/read-table'\nexport const a = readTable\n",
      ),
    ).toEqual([])
    expect(
      await violations('renderer/workers/example.worker.ts', "import { host } from './host'\nexport const a = host\n"),
    ).toEqual([])
  })

  it('but lets each layer import what the table allows', async () => {
    expect(
      await violations(
        'renderer/features/example.ts',
        "import { Product } from '../../core/model/product'\nexport const a = Product\n",
      ),
    ).toEqual([])
    expect(
      await violations(
        'main/example.ts',
        "import { contract } from '../core/bridge/contract'\nexport const a = contract\n",
      ),
    ).toEqual([])
    expect(
      await violations(
        'preload/example.ts',
        "import { channels } from '../core/bridge/channels'\nexport const a = channels\n",
      ),
    ).toEqual([])
    expect(await violations('core/rules/example.ts', "import { z } from 'zod'\nexport const a = z\n")).toEqual([])
  })
})
