// @ts-check
// Boundaries inside the renderer that no-restricted-imports cannot express, because
// they depend on where the importing file lives: a feature never reaches into
// another feature, and a Web Worker runs only core and the worker modules.
import { dirname, relative, resolve, sep } from 'node:path'

const workerPackages = new Set(['zod', 'fflate', 'xlsx'])

/** The path of `source` as imported from `filename`, relative to the project, with / separators; undefined for a package. */
function importedPath(/** @type {string} */ cwd, /** @type {string} */ filename, /** @type {string} */ source) {
  if (!source.startsWith('./') && !source.startsWith('../')) return undefined
  return relative(cwd, resolve(dirname(filename), source))
    .split(sep)
    .join('/')
}

/** @type {import('eslint').Rule.RuleModule} */
const rendererBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'A feature imports no other feature; a worker imports only core and renderer/workers.' },
    schema: [],
    messages: {
      otherFeature:
        'A feature never imports another feature ({{target}}): move what both need into renderer/widgets, renderer/ui, renderer/hooks or core.',
      workerReach:
        'A worker may import only core and renderer/workers, not {{target}}: it runs outside the window, with no React, storage or features.',
    },
  },
  create(context) {
    const file = relative(context.cwd, context.filename).split(sep).join('/')
    const feature = /^renderer\/features\/([^/]+)\//.exec(file)?.[1]
    const isWorker = file.startsWith('renderer/workers/')
    if (feature === undefined && !isWorker) return {}
    /** @param {import('estree').Node & { source?: unknown }} node */
    const check = (node) => {
      const source = /** @type {{ value?: unknown } | null | undefined} */ (node.source)?.value
      if (typeof source !== 'string') return
      const target = importedPath(context.cwd, context.filename, source)
      if (feature !== undefined && target !== undefined) {
        const other = /^renderer\/features\/([^/]+)(\/|$)/.exec(target)?.[1]
        if (other !== undefined && other !== feature)
          context.report({ node, messageId: 'otherFeature', data: { target } })
      }
      if (isWorker) {
        const allowed =
          target === undefined
            ? workerPackages.has(source.split('/')[0] ?? '')
            : /^(core|renderer\/workers)\//.test(target)
        if (!allowed) context.report({ node, messageId: 'workerReach', data: { target: target ?? source } })
      }
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    }
  },
}

export const boundariesPlugin = { rules: { 'renderer-boundaries': rendererBoundaries } }
