import { headerKey, guessColumns, headerScorer, type ColumnVocabulary, type Mapping } from './column-mapping'
import type { TableKind } from './table-kind'

export const planFields = ['caseId', 'title', 'category', 'steps', 'expected', 'required'] as const
export type PlanField = (typeof planFields)[number]

/** Field names as the plan editor and TestCase's messages spell them. */
export const planFieldLabels: Readonly<Record<PlanField, string>> = {
  caseId: 'Case ID',
  title: 'Title',
  category: 'Category or capability',
  steps: 'Steps',
  expected: 'Expected result',
  required: 'Required',
}

/** Which column (an index into the headers) each plan field is read from; null when none. */
export type ColumnMapping = Mapping<PlanField>

// Headers compared without case, spaces or punctuation, and without a trailing
// note in brackets: "Expected result (pass criteria)" reads as "expectedresult".
// "#" reads as "no", so "TC #" is "tcno". English, then German (Excel keeps "ä"; some
// labs write "ae"). Each list is in order of preference: a field takes the column of
// its earliest name, so "Beschreibung" (description) is a title only when no column
// is called "Testfall" or "Titel", and steps otherwise.
const synonyms: ColumnVocabulary<PlanField>['synonyms'] = {
  caseId: [
    'caseid',
    'id',
    'testid',
    'tc',
    'tcid',
    'tcno',
    'tcnr',
    'testcaseid',
    'testcaseno',
    'testcasenumber',
    'caseno',
    'casenumber',
    'testno',
    'testnumber',
    'no',
    'ref',
    'nr',
    'nummer',
    'lfdnr',
    'testnr',
    'testnummer',
    'testfallid',
    'testfallnr',
    'testfallnummer',
    'fallnr',
    'kennung',
  ],
  title: [
    'title',
    'name',
    'testcase',
    'testname',
    'casename',
    'testcasename',
    'casetitle',
    'testtitle',
    'summary',
    'testfall',
    'titel',
    'testfallname',
    'testfalltitel',
    'bezeichnung',
    'testbezeichnung',
    'kurzbeschreibung',
    'description',
    'testdescription',
    'beschreibung',
    'testbeschreibung',
  ],
  category: [
    'category',
    'capability',
    'interface',
    'alexainterface',
    'capabilityinterface',
    'group',
    'area',
    'feature',
    'module',
    'component',
    'kategorie',
    'gruppe',
    'bereich',
    'funktion',
    'fähigkeit',
    'faehigkeit',
    'schnittstelle',
    'modul',
    'komponente',
    'testkategorie',
    'testbereich',
  ],
  steps: [
    'steps',
    'procedure',
    'teststeps',
    'testprocedure',
    'instructions',
    'step',
    'actions',
    'action',
    'schritte',
    'testschritte',
    'ablauf',
    'testablauf',
    'vorgehen',
    'vorgehensweise',
    'durchführung',
    'durchfuehrung',
    'testdurchführung',
    'testdurchfuehrung',
    'anleitung',
    'aktion',
    'description',
    'testdescription',
    'beschreibung',
    'testbeschreibung',
  ],
  expected: [
    'expected',
    'expectedresult',
    'expectedresults',
    'expectedoutcome',
    'expectedbehavior',
    'expectedbehaviour',
    'passcriteria',
    'passfailcriteria',
    'acceptancecriteria',
    'successcriteria',
    'erwartetesergebnis',
    'erwarteteergebnisse',
    'erwartet',
    'erwartung',
    'erwartetesverhalten',
    'sollergebnis',
    'sollverhalten',
    'soll',
    'akzeptanzkriterien',
    'akzeptanzkriterium',
    'abnahmekriterien',
    'bestandenwenn',
  ],
  required: [
    'required',
    'mandatory',
    'optional',
    'requiredoptional',
    'mandatoryoptional',
    'isrequired',
    'ismandatory',
    'isoptional',
    'req',
    'opt',
    'must',
    'mustpass',
    'pflicht',
    'pflichtoptional',
    'pflichttest',
    'verpflichtend',
    'erforderlich',
    'obligatorisch',
    'muss',
    'mussoptional',
    'musskann',
    'kann',
  ],
}

// A column headed "Optional" says yes for optional cases: its values mean the opposite of "Required".
const invertedRequired = new Set(['optional', 'isoptional', 'opt', 'kann'])

/** True when a column with this header marks optional cases (so "yes" means not required). */
export function isOptionalColumn(header: string): boolean {
  return invertedRequired.has(headerKey(header))
}

export const planVocabulary: ColumnVocabulary<PlanField> = {
  fields: planFields,
  labels: planFieldLabels,
  synonyms,
  keyFields: ['caseId', 'title'],
}

/** The first mapping of a plan's columns from their headers (guessColumns with the plan's names). */
export const guessMapping = (headers: readonly string[]): ColumnMapping => guessColumns(planVocabulary, headers)

/** How much a row looks like a plan's header: the plan fields it names, plus one for both a case ID and a title. */
export const headerScore = headerScorer(planVocabulary)

/** A plan file as the shared reader speaks of it. */
export const planTableKind: TableKind = {
  row: 'case',
  rows: 'cases',
  noun: 'plan',
  fileNoun: 'plan file',
  workbookNoun: 'plan workbook',
  formats: 'xlsx, CSV or JSON',
  what: 'test plan',
  json: { listKey: 'cases', example: '{ "caseId": …, "title": … }', needs: '"caseId" and "title"' },
  headerScore,
}
