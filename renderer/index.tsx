import { createRoot } from 'react-dom/client'
import { z } from 'zod'
import { backgroundDelayMs, start } from './app/start'
import { probeImageInWorkers } from './media/image-probe'
import { LabDb } from './storage/lab-db'
import './styles/base.css'

// zod would probe `new Function` for a faster parser; the CSP forbids eval, so say so instead of tripping it.
z.config({ jitless: true })

const root = document.getElementById('root')
if (!root) throw new Error('The page has no #root element.')

createRoot(root).render(
  await start({
    db: new LabDb(),
    indexedDB,
    lab: globalThis.lab,
    probeImage: probeImageInWorkers,
    storage: navigator.storage,
    backgroundDelayMs,
  }),
)
