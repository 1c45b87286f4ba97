import type { Table } from 'dexie'
import { nameKey, type NamedKind, type NameRef } from '../../../../core/audit/read-change'
import type { EntityRecords, ModelledKind } from '../../../../core/model/entity'
import { subjectKey } from '../../audit-subjects'
import type { LabDb } from '../../lab-db'
import { registrationOf } from '../../tables'

type RecordKind = Exclude<NamedKind, 'person' | 'file'>

/**
 * The names of the things audit entries point to, looked up in one batch: one
 * read per table for a whole page of entries, never one per entry. A record that
 * is gone since is named as the trail last named it, with "(deleted)".
 */
export async function namesFor(db: LabDb, refs: readonly NameRef[]): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  const idsOf = (kind: NamedKind) => [...new Set(refs.filter((ref) => ref.kind === kind).map((ref) => ref.id))]
  const records = (['product', 'hub', 'skill', 'unit', 'session', 'plan-version'] as const).map(async (kind) => {
    const ids = idsOf(kind)
    if (ids.length === 0) return
    const registration = registrationOf(kind)
    const table = db[registration.table] as unknown as Table<EntityRecords[ModelledKind], string>
    const found = await table.bulkGet(ids)
    const gone: string[] = []
    ids.forEach((id, index) => {
      const record = found[index]
      if (record) names.set(nameKey({ kind, id }), labelOf(kind, record))
      else gone.push(id)
    })
    await Promise.all(
      gone.map((id) => lastNamed(db, kind, id).then((label) => label && names.set(nameKey({ kind, id }), label))),
    )
  })
  const people = (async () => {
    const ids = idsOf('person')
    if (ids.length === 0) return
    // People who left stay in the profile, deactivated: their names are still there.
    const profile = await db.profile.get('lab')
    for (const person of profile?.people ?? [])
      if (ids.includes(person.id)) names.set(nameKey({ kind: 'person', id: person.id }), person.name)
  })()
  const files = (async () => {
    const ids = idsOf('file')
    if (ids.length === 0) return
    const found = await db.files.bulkGet(ids)
    ids.forEach((id, index) => {
      const file = found[index]
      if (file) names.set(nameKey({ kind: 'file', id }), file.name)
    })
  })()
  await Promise.all([...records, people, files])
  return names
}

const labelOf = (kind: RecordKind, record: EntityRecords[ModelledKind]): string =>
  (registrationOf(kind).label as (r: EntityRecords[ModelledKind]) => string)(record)

/** How the newest entry about a record named it, for a record that is no longer stored. */
async function lastNamed(db: LabDb, kind: RecordKind, id: string): Promise<string | undefined> {
  const entry = await db.audit
    .where('subjects')
    .equals(subjectKey({ kind, id }))
    .reverse()
    .filter((row) => row.entity.kind === kind && row.entity.id === id)
    .first()
  return entry ? `${entry.entity.label} (deleted)` : undefined
}
