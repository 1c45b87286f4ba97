import { useEffect, useRef, useState } from 'react'

/**
 * Runs `load` once per key and keeps its answer; undefined until it arrives.
 * Editors read their record this way rather than live: after the first read
 * the editor owns its copy, and a re-read after each save would fight the typing.
 */
export function useLoadOnce<T>(load: () => Promise<T>, key: string): T | undefined {
  const [result, setResult] = useState<{ readonly key: string; readonly value: T }>()
  const loadRef = useRef(load)
  useEffect(() => {
    loadRef.current = load
  })
  useEffect(() => {
    let current = true
    void loadRef.current().then((value) => {
      if (current) setResult({ key, value })
    })
    return () => {
      current = false
    }
  }, [key])
  return result?.key === key ? result.value : undefined
}
