/** One thing wrong with an imported file: the file row, the column as its header names it, and what to fix. */
export type RowProblem = { readonly row: number; readonly column: string; readonly message: string }
