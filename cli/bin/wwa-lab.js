#!/usr/bin/env node
// Runs the TypeScript CLI straight from the repository (`npx wwa-lab`).
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../wwa-lab.ts')
process.exitCode = await main(process.argv.slice(2), { out: process.stdout, err: process.stderr })
