/**
 * Rows read in index order, newest last, turned newest first. A forward read is
 * one getAll on every engine; a reversed one is too only where IndexedDB's getAll
 * takes a direction (newer Chromium), and walks a cursor row by row elsewhere.
 */
export const newestFirst = <T>(rows: T[]): T[] => rows.reverse()
