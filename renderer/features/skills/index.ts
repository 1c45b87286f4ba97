import { route, type Feature } from '../../app/feature'
import { SkillEditorPage } from './SkillEditorPage'
import { SkillsList } from './SkillsList'

export const skillsFeature: Feature<'skills'> = {
  section: 'skills',
  label: 'Skills',
  group: 'Catalogue',
  routes: [route('', SkillsList), route(':id', SkillEditorPage)],
}
