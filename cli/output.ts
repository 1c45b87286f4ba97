/** Where the command line writes: process.stdout and process.stderr, or a string in tests. */
export type Output = { write(text: string): unknown }
