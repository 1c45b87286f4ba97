import 'fake-indexeddb/auto'
// liveQuery checks for a global indexedDB before it runs a query; each test still opens its own fresh factory.
import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(() => {
  cleanup()
  window.location.hash = ''
  // The result journal lives in localStorage; one test's leftovers must not replay into the next.
  window.localStorage.clear()
})
