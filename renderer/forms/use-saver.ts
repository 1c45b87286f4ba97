import { useCallback, useRef } from 'react'
import { href, replaceAddress, type Section } from '../app/route'

/**
 * Wraps a repository save so that a record created at "#/x/new" takes its real
 * address after its first save, without remounting the editor being typed in.
 */
export function useSaver<T extends { readonly id: string }>(section: Section, save: (record: T) => Promise<T>, isNew: boolean) {
  const addressed = useRef(!isNew)
  return useCallback(
    async (record: T) => {
      const saved = await save(record)
      if (!addressed.current) {
        addressed.current = true
        replaceAddress(href(section, record.id))
      }
      return saved
    },
    [save, section],
  )
}
