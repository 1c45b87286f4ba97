import { route, type Feature } from '../../app/feature'
import { SettingsPage } from './SettingsPage'

export const settingsFeature: Feature<'settings'> = {
  section: 'settings',
  label: 'Settings',
  group: 'Lab',
  routes: [route('', SettingsPage)],
}
