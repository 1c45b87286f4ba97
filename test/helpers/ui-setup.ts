import 'fake-indexeddb/auto'
// liveQuery checks for a global indexedDB before it runs a query; each test still opens its own fresh factory.
import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// CI runs the UI files two at a time on two cores beside the e2e browser; a screen that needs a
// second there (the audit chain check of a long trail) is slow, not broken. Five seconds still
// fails a screen that never shows what it should.
configure({ asyncUtilTimeout: 5_000 })

afterEach(() => {
  cleanup()
  window.location.hash = ''
  // The result journal lives in localStorage; one test's leftovers must not replay into the next.
  window.localStorage.clear()
})
