import type Dexie from 'dexie'
import { keyName, type ChangeRecording } from '../change-watch'
import type { TableChangeSet } from './changes-part'

/** What the backup's records become at the moment it stands for: per table, what supersedes records.json, and the final counts. */
export type SettledChanges = {
  readonly tables: ReadonlyMap<string, TableChangeSet>
  readonly counts: Readonly<Record<string, number>>
}

/**
 * Ends a recording made while records.json was read in short transactions:
 * in one read transaction over every table (it starts only once every write
 * begun before it has committed, and every such write is in the recording), it
 * reads again each row written meanwhile. Rows nobody wrote are in
 * records.json as they are now, so records.json with these rows in place of the
 * superseded ones is the lab at this one moment. The transaction reads only
 * the rows written, so writes wait for it a moment, never for the whole backup.
 */
export async function settleChanges(
  db: Dexie,
  recording: ChangeRecording,
  readCounts: Readonly<Record<string, number>>,
): Promise<SettledChanges> {
  return db.transaction('r', db.tables, async () => {
    // Any request waits for the writes begun before this transaction; after it they are all in the recording.
    await db.tables[0]?.limit(1).primaryKeys()
    recording.stop()
    const tables = new Map<string, TableChangeSet>()
    const counts: Record<string, number> = { ...readCounts }
    for (const [name, changes] of recording.tables) {
      const table = db.table(name)
      const extractKey = table.core.schema.primaryKey.extractKey
      if (extractKey === null) throw new Error(`The table ${name} has keys outside its rows; backups cannot settle it.`)
      if (changes.whole) {
        const rows = (await table.toArray()) as Record<string, unknown>[]
        tables.set(name, { replaced: true, superseded: [], rows })
        counts[name] = rows.length
        continue
      }
      const changed = [...changes.keys.values()]
      const found = (await table.bulkGet(changed.map(({ key }) => key as string))) as (
        Record<string, unknown> | undefined
      )[]
      const rows = new Map<string, Record<string, unknown>>()
      found.forEach((row, i) => {
        if (row !== undefined) rows.set(keyName(changed[i]?.key), row)
      })
      const superseded = changed.map(({ key }) => key)
      // A key still being checked belongs to a write queued behind this transaction, so it was untouched
      // from the reading until now: the reading holds it exactly when it is here now.
      const dropped = changed.filter(
        ({ inReading }, i) => inReading === true || (inReading === 'checking' && found[i] !== undefined),
      ).length
      counts[name] = (counts[name] ?? 0) - dropped + rows.size
      tables.set(name, { replaced: false, superseded, rows: [...rows.values()] })
    }
    return { tables, counts }
  })
}
