import { Schema, Types, type Model } from 'mongoose';
import type { SessionUser } from '../../graphql/context.js';
import type { AppError } from '../../graphql/errors.js';

// A department's receipt (签收) of a document published to it. Receipts are fixed at
// publication, one per department, so a receipt is addressed by its index, guarded by its
// department in the filter. Every step is one conditional update of that receipt, so repeating
// or racing a step cannot apply it twice.

/** The fields of a receipt; a kind may add its own (a notice's receipt carries the appeal). */
export const receiptFields = {
  department: { type: Schema.Types.ObjectId, ref: 'Department', required: true },
  acknowledgedAt: { type: Date, default: null },
  acknowledgedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
  acknowledgedByName: { type: String, default: '' },
} as const;

export interface Receipted {
  _id: Types.ObjectId;
  receipts: Array<{ department: Types.ObjectId; acknowledgedAt?: Date | null }>;
}

/** The receipts a document gets when it is published to these departments. */
export const receiptsFor = (departments: unknown[]) =>
  departments.map((d) => ({ department: new Types.ObjectId(String(d)) }));

/** Index of the department's receipt, or -1. */
export const receiptIndex = (doc: Receipted, departmentId: string | null) =>
  doc.receipts.findIndex((r) => String(r.department) === departmentId);

/** Updates receipt `i` of a published document if `guard` (paths inside the receipt) still holds. */
export function updateReceipt<T extends Receipted>(
  // Either kind's model: T says what its documents are.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  documents: Model<any>,
  doc: T,
  i: number,
  guard: Record<string, unknown>,
  set: Record<string, unknown>,
) {
  const at = (k: string) => `receipts.${i}.${k}`;
  return documents
    .findOneAndUpdate(
      {
        _id: doc._id,
        status: 'PUBLISHED',
        [at('department')]: doc.receipts[i]!.department,
        ...Object.fromEntries(Object.entries(guard).map(([k, v]) => [at(k), v])),
      },
      { $set: Object.fromEntries(Object.entries(set).map(([k, v]) => [at(k), v])) },
      { new: true },
    )
    .lean<T>();
}

/** Who acknowledged, and when: what a receipt records. */
export const acknowledgement = (user: SessionUser, at: Date) => ({
  acknowledgedAt: at,
  acknowledgedBy: user.id,
  acknowledgedByName: user.displayName,
});

/**
 * The liaison's acknowledgement of the document for its department, once: acknowledging again
 * changes nothing and returns the document as it is stored. `missing` is the error when the document
 * has no receipt for the department.
 */
export async function acknowledge<T extends Receipted>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  documents: Model<any>,
  user: SessionUser,
  doc: T,
  missing: () => AppError,
): Promise<T> {
  const i = receiptIndex(doc, user.departmentId);
  if (i < 0) throw missing();
  const done = await updateReceipt(documents, doc, i, { acknowledgedAt: null }, acknowledgement(user, new Date()));
  // Acknowledged already (or just now by a racing request): the receipt as it stands.
  return done ?? (await documents.findById(doc._id).lean<T>()) ?? doc;
}
