/** "A", "B", … "AA": how a spreadsheet names the column at this index (0 is A). */
export function columnLetter(index: number): string {
  let n = index + 1
  let letters = ''
  while (n > 0) {
    const rest = (n - 1) % 26
    letters = String.fromCharCode(65 + rest) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}

/** "C7": the cell at a column index and a spreadsheet row number, as Excel names it. */
export const cellAddress = (column: number, row: number) => `${columnLetter(column)}${row}`
