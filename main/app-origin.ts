/** The renderer's one origin. Electron keeps storage per origin: never change it. */
export const appScheme = 'app'
export const appHost = 'wwa-lab'
export const appOrigin = `${appScheme}://${appHost}`
