import type { Model, Types } from 'mongoose';
import { trusted } from 'mongoose';

/**
 * The dataloader key of a stored reference, for fields that resolve to a loadable object type:
 * Pothos keys are strings, documents hold ObjectIds. (ID fields need no conversion: they expose
 * the ObjectId itself, see the ID scalar in builder.ts.)
 */
export function refKey(id: Types.ObjectId): string;
export function refKey(id: Types.ObjectId | null | undefined): string | null;
export function refKey(id: Types.ObjectId | null | undefined) {
  return id ? id.toHexString() : null;
}

/** The keys of a list of stored references. */
export const refKeys = (ids: readonly Types.ObjectId[]) => ids.map((id) => id.toHexString());

/** Batch loader body for the dataloader plugin: one `$in` query for all ids of a request. */
// Any collection: T says what its documents are.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loadByIds<T extends { _id: Types.ObjectId }>(model: Model<any>) {
  return async (ids: readonly string[]) => {
    const docs = await model.find({ _id: trusted({ $in: ids }) }).lean<T[]>();
    const byId = new Map(docs.map((d) => [d._id.toHexString(), d]));
    return ids.map((id) => byId.get(id) ?? new Error(`${model.modelName} ${id} not found`));
  };
}
