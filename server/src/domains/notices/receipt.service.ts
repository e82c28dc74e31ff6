import { Types } from 'mongoose';
import type { SessionUser } from '../../graphql/context.js';
import { forbidden, invalidState, notFound } from '../../graphql/errors.js';
import * as receipts from '../documents/receipts.js';
import { ViolationModel } from '../inspections/violation.model.js';
import { NoticeModel, type APPEAL_DECISIONS, type Notice } from './notice.model.js';
import { getNotice } from './notice.service.js';

// What a department does with a published notice: acknowledge it (签收) and, within the appeal
// period, appeal once; a manager decides the appeal. Receipts and their one-step updates are the
// documents module's (documents/receipts.ts); the appeal is the notice's own part of a receipt.

function receiptIndex(notice: Notice, departmentId: string | null) {
  const i = receipts.receiptIndex(notice, departmentId);
  if (i < 0) throw forbidden('this notice');
  return i;
}

const updateReceipt = (notice: Notice, i: number, guard: Record<string, unknown>, set: Record<string, unknown>) =>
  receipts.updateReceipt(NoticeModel, notice, i, guard, set);

/** The liaison's acknowledgement for its department, once; repeating it changes nothing. */
export async function acknowledge(user: SessionUser, id: string) {
  return receipts.acknowledge(NoticeModel, user, await getNotice(user, id), () => forbidden('this notice'));
}

export async function appeal(user: SessionUser, id: string, text: string) {
  const notice = await getNotice(user, id);
  const i = receiptIndex(notice, user.departmentId);
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
      ...(receipt.acknowledgedAt ? {} : receipts.acknowledgement(user, now)),
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
  decision: (typeof APPEAL_DECISIONS)[number],
  reason: string,
) {
  const notice = await NoticeModel.findById(id).lean<Notice>();
  if (!notice) throw notFound('Notice');
  const i = receipts.receiptIndex(notice, departmentId);
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
