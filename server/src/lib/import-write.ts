import type { AnyBulkWriteOperation, Model } from 'mongoose';
import { accepted, type ImportReport, type Table } from './table-import.js';

// Stores the rows of an import by their natural key and says what was new, changed or already
// there. The comparison is made here, against the stored records, rather than read from the
// write's modifiedCount: engines differ on whether a $set of equal values counts as a change.

const CHUNK = 200;
/** Upserts per write: mongoose casts and the driver encodes a write's operations in one go (~6 ms per 100). */
const WRITE_CHUNK = 100;
// Stored ids are ObjectIds and records' ids may be too: compare their text.
const text = (v: unknown) => (v === null || v === undefined ? '' : (v as { toString(): string }).toString());
const same = (a: unknown, b: unknown) => text(a) === text(b);

/** `key` is the upsert filter of a record (its natural key); `fields` are compared to tell a change. */
export async function upsertRows<R extends Record<string, unknown>>(
  model: Model<never>,
  table: Table,
  records: R[],
  {
    key,
    fields,
    extra = {},
  }: { key: (r: R) => Record<string, unknown>; fields: string[]; extra?: Record<string, unknown> },
): Promise<ImportReport> {
  const ops: AnyBulkWriteOperation[] = [];
  let [added, updated] = [0, 0];
  for (let i = 0; i < records.length; i += CHUNK) {
    const chunk = records.slice(i, i + CHUNK);
    const stored = await model.find({ $or: chunk.map(key) } as never).lean<Record<string, unknown>[]>();
    for (const rec of chunk) {
      const filter = key(rec);
      const old = stored.find((s) => Object.keys(filter).every((k) => same(s[k], filter[k])));
      if (old && fields.every((f) => same(old[f], rec[f]))) continue;
      if (old) updated++;
      else added++;
      ops.push({ updateOne: { filter, update: { $set: { ...rec, ...extra } }, upsert: true } });
    }
  }
  // In chunks too: casting and encoding 20,000 operations in one call holds the event loop for a second.
  for (let i = 0; i < ops.length; i += WRITE_CHUNK)
    await model.bulkWrite(ops.slice(i, i + WRITE_CHUNK) as never, { ordered: false });
  return accepted(table, added, updated);
}
