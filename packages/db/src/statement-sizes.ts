/**
 * Splits `n` rows into the sizes of the statements that write (or look up) them: `max` while that many
 * are left, then 100, 10 and 1. A multi-row statement's text depends on its row count, and the SQLite
 * handle keeps a prepared statement per text: with a few fixed sizes the same statements are reused,
 * where a remainder of every possible size would fill the statement cache with programs used once.
 */
export function statementSizes(n: number, max: number): number[] {
  const sizes: number[] = [];
  let left = n;
  for (const size of [max, 100, 10, 1]) {
    if (size > max) continue;
    while (left >= size) {
      sizes.push(size);
      left -= size;
    }
  }
  return sizes;
}

/** The consecutive slices of `rows` of the sizes `statementSizes` gives. */
export function* statementParts<T>(rows: readonly T[], max: number): Generator<T[]> {
  let at = 0;
  for (const size of statementSizes(rows.length, max)) {
    yield rows.slice(at, at + size);
    at += size;
  }
}
