// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { boundariesPlugin } from './eslint.boundaries.js'

// The layering table of CONVENTIONS.md: who may import whom.
/** @typedef {{group?: string[], regex?: string, message: string}} Pattern */
/** @typedef {{name: string, importNames?: string[], message: string}} RestrictedPath */
const layer = (
  /** @type {string[]} */ files,
  /** @type {Pattern[]} */ patterns,
  /** @type {RestrictedPath[]} */ paths = [],
  ignores = /** @type {string[]} */ ([]),
) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns, paths }] },
})
const outside = (/** @type {string} */ folder, /** @type {string} */ message) => ({
  group: [`**/${folder}`, `**/${folder}/**`, `${folder}/**`],
  message,
})
// Bare package names, matched exactly (a folder of ours named "crypto" is not Node's crypto).
const packages = (/** @type {string[]} */ names, /** @type {string} */ message) => ({
  regex: `^(${names.map((n) => n.replace(/[.+?^${}()|[\]\\/]/g, '\\$&').replace(/\*/g, '[^/]+')).join('|')})(/|$)`,
  message,
})

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'electron']
const uiPackages = ['react', 'react-dom', 'dexie', 'dexie-react-hooks', '@tanstack/*']

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', '.ci/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2024 } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='only']",
          message: 'Focused tests hide the rest of the suite.',
        },
        {
          // One date format everywhere: the locale's own default differs from what every other screen shows.
          selector:
            "CallExpression[callee.property.name=/^toLocale(Date|Time)String$/], CallExpression[callee.property.name='toLocaleString'][arguments.length=0]",
          message:
            "Write dates with the lab's formats (core/text/dates.ts, renderer/app/lab-dates.ts); numbers with toLocaleString('en-US').",
        },
      ],
    },
  },
  layer(
    ['core/**'],
    [
      outside('main', 'core is pure TypeScript: it may not import main.'),
      outside('renderer', 'core is pure TypeScript: it may not import renderer.'),
      outside('preload', 'core is pure TypeScript: it may not import preload.'),
      outside('cli', 'core is pure TypeScript: it may not import cli.'),
      {
        // An allow-list: anything but a relative path, zod, fflate or xlsx is refused.
        regex: '^(?!\\.{1,2}/|(zod|fflate|xlsx)(/|$))',
        message: 'core may import only core, zod, fflate and xlsx: no electron, Node, React, Dexie or DOM libraries.',
      },
    ],
  ),
  {
    files: ['core/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'indexedDB',
        'process',
        'Buffer',
      ],
    },
  },
  ...(() => {
    const mainPatterns = [
      outside('renderer', 'main may import only core and main.'),
      outside('preload', 'main may import only core and main.'),
      outside('cli', 'main may import only core and main.'),
      packages(uiPackages, 'main has no React or Dexie.'),
    ]
    const registry = 'main/ipc/registry.ts'
    return [
      layer(
        ['main/**'],
        mainPatterns,
        [
          {
            name: 'electron',
            importNames: ['ipcMain'],
            message: `Only ${registry} touches ipcMain: add a channel to core/bridge/contract.ts instead.`,
          },
        ],
        [registry],
      ),
      layer([registry], mainPatterns),
    ]
  })(),
  layer(
    ['preload/**'],
    [
      outside('main', 'preload may import only core/bridge.'),
      outside('renderer', 'preload may import only core/bridge.'),
      outside('cli', 'preload may import only core/bridge.'),
      {
        group: ['**/core/model/**', '**/core/rules/**', '**/core/packet/**', '**/core/data/**'],
        message: 'preload may import only core/bridge.',
      },
      packages(['zod', ...uiPackages], 'preload bundles nothing but core/bridge channel names.'),
    ],
  ),
  ...(() => {
    const rendererPatterns = [
      outside('main', 'renderer may import only core and renderer: talk to main through window.lab.'),
      outside('preload', 'renderer may import only core and renderer.'),
      outside('cli', 'renderer may import only core and renderer.'),
      packages(nodeBuiltins, 'renderer has no Node or electron: talk to main through window.lab.'),
    ]
    const features = 'renderer/features/**'
    return [
      layer(['renderer/**'], rendererPatterns, [], [features]),
      // Features reach storage only through repositories (and live queries over them).
      layer(
        [features],
        [
          ...rendererPatterns,
          packages(['dexie'], 'A feature does not use Dexie: call a repository from renderer/storage/repos instead.'),
          {
            group: ['**/storage/lab-db', '**/storage/lab-db.ts'],
            message: 'A feature does not open the database: call a repository from renderer/storage/repos instead.',
          },
        ],
      ),
    ]
  })(),
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { boundaries: boundariesPlugin },
    rules: { 'boundaries/renderer-boundaries': 'error' },
  },
  layer(
    ['cli/**'],
    [
      outside('main', 'cli may import only core and cli.'),
      outside('renderer', 'cli may import only core and cli.'),
      outside('preload', 'cli may import only core and cli.'),
      packages(['electron', ...uiPackages], 'cli runs in plain Node: no electron, React or Dexie.'),
    ],
  ),
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['main/**', 'cli/**', 'test/**', 'bench/**', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['test/**', 'bench/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
)
