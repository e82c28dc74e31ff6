import { Types } from 'mongoose';
import type { SessionUser } from '../../graphql/context.js';
import { forbidden, invalidState, notFound } from '../../graphql/errors.js';
import { ViolationModel } from '../inspections/violation.model.js';
import { NoticeModel, type Notice } from './notice.model.js';
import { getNotice } from './notice.service.js';

// What a department does with a published notice: acknowledge it (签收) and, within the appeal
// period, appeal once; a manager decides the appeal. Each step is one conditional update of the
// department's receipt, so repeating or racing it cannot apply it twice. Receipts are fixed at
// publication, so a receipt is addressed by its index, guarded by its department in the filter.

function receiptIndex(notice: Notice, departmentId: string) {
  const i = notice.receipts.findIndex((r) => String(r.department) === departmentId);
  if (i < 0) throw forbidden('this notice');
  return i;
}

/** Updates receipt `i` of the notice if `guard` (paths inside the receipt) still holds. */
function updateReceipt(notice: Notice, i: number, guard: Record<string, unknown>, set: Record<string, unknown>) {
  const at = (k: string) => `receipts.${i}.${k}`;
  return NoticeModel.findOneAndUpdate(
    {
      _id: notice._id,
      status: 'PUBLISHED',
      [at('department')]: notice.receipts[i]!.department,
      ...Object.fromEntries(Object.entries(guard).map(([k, v]) => [at(k), v])),
    },
    { $set: Object.fromEntries(Object.entries(set).map(([k, v]) => [at(k), v])) },
    { new: true },
  ).lean<Notice>();
}

const acknowledgement = (user: SessionUser, at: Date) => ({
  acknowledgedAt: at,
  acknowledgedBy: user.id,
  acknowledgedByName: user.displayName,
});

export async function acknowledge(user: SessionUser, id: string) {
  const notice = await getNotice(user, id);
  const i = receiptIndex(notice, user.departmentId!);
  const doc = await updateReceipt(notice, i, { acknowledgedAt: null }, acknowledgement(user, new Date()));
  return doc ?? notice; // acknowledged already: nothing to do
}

export async function appeal(user: SessionUser, id: string, text: string) {
  const notice = await getNotice(user, id);
  const i = receiptIndex(notice, user.departmentId!);
  const now = new Date();
  if (!notice.appealDeadline || now > notice.appealDeadline)
    throw invalidState('The appeal period of this notice has ended');
  const receipt = notice.receipts[i]!;
  const doc = await updateReceipt(
    notice,
    i,
    { appeal: null },
    {
      appeal: { text, at: now, by: user.id, byName: user.displayName },
      // Appealing implies having received it.
      ...(receipt.acknowledgedAt ? {} : acknowledgement(user, now)),
    },
  );
  if (!doc) throw invalidState('This department has appealed already');
  return doc;
}

/**
 * Decides a department's appeal. OVERTURNED dismisses that department's violations in the
 * notice (marked `overturned`, so they stop counting but stay on record).
 */
export async function decideAppeal(
  user: SessionUser,
  id: string,
  departmentId: string,
  decision: 'UPHELD' | 'OVERTURNED',
  reason: string,
) {
  const notice = await NoticeModel.findById(id).lean<Notice>();
  if (!notice) throw notFound('Notice');
  const i = notice.receipts.findIndex((r) => String(r.department) === departmentId);
  if (i < 0 || !notice.receipts[i]!.appeal) throw invalidState('No appeal from this department');
  const doc = await updateReceipt(
    notice,
    i,
    { 'appeal.decision': null },
    {
      'appeal.decision': decision,
      'appeal.reason': reason,
      'appeal.decidedAt': new Date(),
      'appeal.decidedBy': user.id,
    },
  );
  if (!doc) throw invalidState('The appeal is decided already');
  if (decision === 'OVERTURNED') {
    await ViolationModel.updateMany(
      { notice: doc._id, department: new Types.ObjectId(departmentId), status: 'CONFIRMED' },
      {
        status: 'DISMISSED',
        overturned: true,
        reason: `申诉成立：${reason}`,
        decidedBy: user.id,
        decidedAt: new Date(),
      },
    );
  }
  return doc;
}
