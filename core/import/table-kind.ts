/**
 * What the shared reader needs to know of one kind of file (a plan, a listing file): how its header is recognised
 * and the words its refusals use, so a listing file is never told it is not a test plan.
 */
export type TableKind = {
  /** "plan": "a plan needs a header row…", "Remove what is not part of the plan". */
  readonly noun: string
  /** "plan file": "a plan file can be at most 10 MiB". */
  readonly fileNoun: string
  /** "plan workbook": "a plan workbook can unpack to at most…". */
  readonly workbookNoun: string
  /** "xlsx, CSV or JSON": "… is not an xlsx, CSV or JSON file". */
  readonly formats: string
  /** "test plan": "Check that it is an xlsx, CSV or JSON test plan", "… is JSON but not a test plan". */
  readonly what: string
  /** "case" and "cases": what one data row is. */
  readonly row: string
  readonly rows: string
  /** How a JSON file of this kind is written; absent where the kind is read from xlsx and CSV only. */
  readonly json?: {
    /** "cases": the key of the list in {"cases": […]}. */
    readonly listKey: string
    /** '{ "caseId": …, "title": … }': one row written in JSON. */
    readonly example: string
    /** '"caseId" and "title"': the fields a row cannot do without. */
    readonly needs: string
  }
  /** How much a row looks like this kind's header (headerScorer of its vocabulary). */
  readonly headerScore: (cells: readonly string[]) => number
}
