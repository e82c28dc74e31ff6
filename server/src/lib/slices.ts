// Work over every row of an import (up to 20,000) done in slices, with the event loop let through
// between them: one pass over all rows at once can hold every other request for a few hundred ms.

/** How many items one slice handles: a few milliseconds of work for an import row. */
export const SLICE = 500;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `items.map(fn)`, a slice at a time. */
export async function mapInSlices<T, R>(items: readonly T[], fn: (item: T, i: number) => R, size = SLICE) {
  const out: R[] = [];
  for (let at = 0; at < items.length; at += size) {
    if (at) await turn();
    const end = Math.min(items.length, at + size);
    for (let i = at; i < end; i++) out.push(fn(items[i]!, i));
  }
  return out;
}
