import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { z } from 'zod'
import { App } from './app/App'
import { ServicesProvider } from './app/services-context'
import { restoreWorkingAs } from './app/working-as'
import { probeImageInBrowser } from './media/image-probe'
import { LabDb } from './storage/lab-db'
import { requestPersistentStorage } from './storage/persistence'
import { createRepositories } from './storage/repositories'
import './styles.css'

// zod would probe `new Function` for a faster parser; the CSP forbids eval, so say so instead of tripping it.
z.config({ jitless: true })

const root = document.getElementById('root')
if (!root) throw new Error('The page has no #root element.')

const db = new LabDb()
const repos = createRepositories(db, { probeImage: probeImageInBrowser })
const [persistence] = await Promise.all([requestPersistentStorage(navigator.storage), restoreWorkingAs(repos)])
const services = { repos, lab: globalThis.lab, persistence }

createRoot(root).render(
  <StrictMode>
    <ServicesProvider services={services}>
      <App />
    </ServicesProvider>
  </StrictMode>,
)
