// Run by backup.bench.ts as its own Node process, so main's memory is measured from a fresh start:
// node --import tsx bench/backup-main-alone.child.ts <backup file> → one line of JSON (MainAlone).
import { replayThroughMain } from './backup-main-alone'

const [backupPath] = process.argv.slice(2)
if (backupPath === undefined) throw new Error('Name the backup file to replay.')
// No Chromium runs on a folder that does not exist: only this process is watched.
process.stdout.write(`${JSON.stringify(await replayThroughMain(backupPath, '/nonexistent-profile'))}\n`)
