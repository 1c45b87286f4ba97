import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { formatResult, type BenchModule } from './bench-result'

// `npm run bench -- units` runs only the benchmarks whose file name contains "units".
const filters = process.argv.slice(2)
const folder = import.meta.dirname

const files = (await readdir(folder))
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort()

if (files.length === 0) {
  console.error(`No benchmark in ${folder} matches ${filters.join(', ') || '*.bench.ts'}.`)
  process.exitCode = 1
}

for (const file of files) {
  try {
    const module = (await import(pathToFileURL(join(folder, file)).href)) as Partial<BenchModule>
    if (typeof module.run !== 'function') throw new Error(`${file} exports no run() function.`)
    console.log(formatResult(await module.run()))
  } catch (error) {
    // One broken benchmark must not hide the others' figures; the exit code still says it failed.
    console.error(`${file} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    process.exitCode = 1
  }
}
