import 'fake-indexeddb/auto'
// liveQuery checks for a global indexedDB before it runs a query; each test still opens its own fresh factory.
import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(() => {
  cleanup()
  window.location.hash = ''
})
