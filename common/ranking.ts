/**
 * Competition ranking ("1224"), the way league tables and the center's bulletins rank: rows are
 * sorted best first by `order`; a row tied with the one before it (by `tied`, on the figures the
 * ranking is about) shares its rank, and the next different row takes its place number, so two
 * firsts are followed by a third (1, 1, 3).
 */
export function rankRows<T>(
  rows: readonly T[],
  order: (a: T, b: T) => number,
  tied: (a: T, b: T) => boolean,
): Array<T & { rank: number }> {
  const out: Array<T & { rank: number }> = [];
  for (const row of [...rows].sort(order)) {
    const prev = out.at(-1);
    out.push({ ...row, rank: prev && tied(prev, row) ? prev.rank : out.length + 1 });
  }
  return out;
}
