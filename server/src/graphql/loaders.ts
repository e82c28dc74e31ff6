import type { Model } from 'mongoose';
import { trusted } from 'mongoose';

/** Batch loader body for the dataloader plugin: one `$in` query for all ids of a request. */
// Any collection: T says what its documents are.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loadByIds<T extends { _id: unknown }>(model: Model<any>) {
  return async (ids: readonly string[]) => {
    const docs = await model.find({ _id: trusted({ $in: ids }) }).lean<T[]>();
    const byId = new Map(docs.map((d) => [String(d._id), d]));
    return ids.map((id) => byId.get(id) ?? new Error(`${model.modelName} ${id} not found`));
  };
}
