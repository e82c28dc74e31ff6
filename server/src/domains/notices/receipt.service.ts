import { Types, trusted } from 'mongoose';
import type { z } from 'zod';
import type { SessionUser } from '../../graphql/context.js';
import { AppError, forbidden, invalidState, notFound, validationFailed } from '../../graphql/errors.js';
import { claimEvidence } from '../files/evidence.js';
import type { noticeAppealInput } from './notice.inputs.js';
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

export const noticeEvidenceOwner = (id: Types.ObjectId | string, departmentId: string | null) =>
  `notice:${String(id)}:${departmentId ?? ''}`;

/**
 * The lines a department contests: those named (each must be one of its confirmed lines in the
 * notice), or all of its lines when none are named. Stored with the appeal either way.
 */
async function contestedLines(notice: Notice, departmentId: string, named: readonly string[]) {
  const mine = await ViolationModel.find(
    { notice: notice._id, department: new Types.ObjectId(departmentId), status: 'CONFIRMED' },
    { _id: 1 },
  ).lean<Array<{ _id: Types.ObjectId }>>();
  if (!named.length) return mine.map((v) => v._id);
  const ids = new Set(mine.map((v) => String(v._id)));
  const unknown = named.filter((v) => !ids.has(v));
  if (unknown.length) {
    throw validationFailed([
      { path: 'violationIds', message: "only your department's lines of this notice can be appealed" },
    ]);
  }
  return [...new Set(named)].map((v) => new Types.ObjectId(v));
}

export async function appeal(user: SessionUser, id: string, input: z.output<typeof noticeAppealInput>) {
  const notice = await getNotice(user, id);
  const i = receiptIndex(notice, user.departmentId);
  const now = new Date();
  if (!notice.appealDeadline || now > notice.appealDeadline)
    throw invalidState('The appeal period of this notice has ended');
  const receipt = notice.receipts[i]!;
  if (receipt.appeal) throw invalidState('This department has appealed already');
  const violations = await contestedLines(notice, user.departmentId!, input.violationIds ?? []);
  const owner = noticeEvidenceOwner(notice._id, user.departmentId);
  const attachments = await claimEvidence(input.attachmentIds ?? [], owner, 'appeal');
  const doc = await updateReceipt(
    notice,
    i,
    { appeal: null },
    {
      appeal: { text: input.text, at: now, by: user.id, byName: user.displayName, violations, attachments },
      // Appealing implies having received it.
      ...(receipt.acknowledgedAt ? {} : receipts.acknowledgement(user, now)),
    },
  );
  if (!doc) throw invalidState('This department has appealed already');
  return doc;
}

/**
 * Decides a department's appeal, never by the one who filed it. OVERTURNED dismisses the lines
 * the appeal contests (marked `overturned`, so they stop counting but stay on record); an appeal
 * from before lines were named contests all of its department's.
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
  const filed = i < 0 ? null : notice.receipts[i]!.appeal;
  if (!filed) throw invalidState('No appeal from this department');
  if (String(filed.by) === user.id)
    throw new AppError('SAME_PERSON', 'An appeal is decided by someone other than who filed it');
  const doc = await updateReceipt(
    notice,
    i,
    { 'appeal.decision': null },
    {
      'appeal.decision': decision,
      'appeal.reason': reason,
      'appeal.decidedAt': new Date(),
      'appeal.decidedBy': user.id,
      'appeal.decidedByName': user.displayName,
    },
  );
  if (!doc) throw invalidState('The appeal is decided already');
  if (decision === 'OVERTURNED') {
    await ViolationModel.updateMany(
      {
        notice: doc._id,
        department: new Types.ObjectId(departmentId),
        status: 'CONFIRMED',
        ...(filed.violations.length ? { _id: trusted({ $in: filed.violations }) } : {}),
      },
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
