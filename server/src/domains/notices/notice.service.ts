import { Types, trusted } from 'mongoose';
import { isLiaison } from '../../../../common/roles.js';
import type { SessionUser } from '../../graphql/context.js';
import { forbidden, invalidState, notFound, validationFailed } from '../../graphql/errors.js';
import { paginate } from '../../graphql/pagination.js';
import { addWorkingDays } from '../calendar/calendar.service.js';
import { inspectionSettings } from '../inspections/inspection.settings.js';
import { ViolationModel, type Violation } from '../inspections/violation.model.js';
import { NoticeCounterModel, NoticeModel, type Notice } from './notice.model.js';
import { defaultBody, defaultTitle, noticeNumber } from './notice.text.js';
import { endOfLocalDay, localDate, localInstant } from '../../../../common/time.js';

/** A liaison sees published notices that name its department; center staff see all. */
export function noticeScope(user: SessionUser) {
  return isLiaison(user.role) ? { status: 'PUBLISHED', departments: new Types.ObjectId(user.departmentId!) } : {};
}

export function pageNotices(user: SessionUser, status: string | null | undefined, page: number, pageSize: number) {
  const filter = { ...(status ? { status } : {}), ...noticeScope(user) };
  return paginate<Notice>(NoticeModel, filter, { createdAt: -1 }, page, pageSize);
}

export async function getNotice(user: SessionUser, id: string) {
  const notice = await NoticeModel.findById(id).lean<Notice>();
  // Drafts do not exist for a liaison; another department's notice is forbidden.
  if (!notice || (isLiaison(user.role) && notice.status !== 'PUBLISHED')) throw notFound('Notice');
  if (isLiaison(user.role) && !notice.departments.some((d) => String(d) === user.departmentId))
    throw forbidden('this notice');
  return notice;
}

export interface DraftInput {
  periodFrom: string;
  periodTo: string;
  departmentIds: string[];
}

/**
 * Drafts a notice from the confirmed violations of the period and departments that no other
 * notice has taken. They are reserved for it at once (notice: null → this id), so two drafts
 * never list the same violation.
 */
export async function createDraft(user: SessionUser, input: DraftInput) {
  if (input.periodTo < input.periodFrom)
    throw validationFailed([{ path: 'periodTo', message: 'must not be before the start' }]);
  const candidates = await ViolationModel.find({
    status: 'CONFIRMED',
    notice: null,
    department: trusted({ $in: input.departmentIds.map((id) => new Types.ObjectId(id)) }),
    observedAt: trusted({ $gte: localInstant(input.periodFrom, '00:00'), $lte: endOfLocalDay(input.periodTo) }),
  })
    .select({ _id: 1 })
    .lean();
  if (!candidates.length) {
    throw validationFailed([
      { path: 'departmentIds', message: 'no confirmed violations without a notice in this period' },
    ]);
  }
  const { noticeAppealDays } = await inspectionSettings.get();
  const notice = await NoticeModel.create({
    title: defaultTitle(input.periodFrom, input.periodTo),
    body: '…',
    periodFrom: input.periodFrom,
    periodTo: input.periodTo,
    createdBy: user.id,
  });
  await ViolationModel.updateMany(
    { _id: trusted({ $in: candidates.map((c) => c._id) }), notice: null },
    { notice: notice._id },
  );
  const taken = await ViolationModel.find({ notice: notice._id }).sort({ observedAt: 1 }).lean<Violation[]>();
  const departments = [...new Set(taken.map((v) => String(v.department)))].map((d) => new Types.ObjectId(d));
  const people = new Set(taken.map((v) => String(v.staff ?? v.window))).size;
  const body = defaultBody({
    from: input.periodFrom,
    to: input.periodTo,
    violations: taken.length,
    people,
    appealDays: noticeAppealDays,
  });
  return (await NoticeModel.findByIdAndUpdate(
    notice._id,
    { violations: taken.map((v) => v._id), departments, body },
    { new: true },
  ).lean<Notice>())!;
}

/** One atomic step of the lifecycle; a notice in any other state is refused. */
async function transition(id: string, from: string, set: Record<string, unknown>) {
  const doc = await NoticeModel.findOneAndUpdate({ _id: id, status: from }, set, { new: true }).lean<Notice>();
  if (doc) return doc;
  const current = await NoticeModel.findById(id).lean<Notice>();
  if (!current) throw notFound('Notice');
  throw invalidState(`The notice is ${current.status}; it must be ${from}`);
}

export const updateDraft = (id: string, changes: { title?: string; body?: string }) => transition(id, 'DRAFT', changes);

export async function deleteDraft(id: string) {
  const res = await NoticeModel.deleteOne({ _id: id, status: 'DRAFT' });
  if (!res.deletedCount) await transition(id, 'DRAFT', {}); // explains why not
  await ViolationModel.updateMany({ notice: new Types.ObjectId(id) }, { notice: null });
  return true;
}

/** Gives an approved notice its number once; safe to repeat. */
async function ensureNumber(notice: Notice) {
  if (notice.number) return notice;
  const year = Number(localDate(notice.approvedAt ?? new Date()).slice(0, 4));
  const counter = await NoticeCounterModel.findOneAndUpdate(
    { _id: `notice-${year}` },
    { $inc: { seq: 1 } },
    { upsert: true, new: true },
  ).lean<{ seq: number }>();
  const seq = counter.seq;
  const doc = await NoticeModel.findOneAndUpdate(
    { _id: notice._id, number: '' },
    { year, seq, number: noticeNumber(year, seq) },
    { new: true },
  ).lean<Notice>();
  return doc ?? (await NoticeModel.findById(notice._id).lean<Notice>())!;
}

export async function approve(user: SessionUser, id: string) {
  return ensureNumber(
    await transition(id, 'DRAFT', { status: 'APPROVED', approvedBy: user.id, approvedAt: new Date() }),
  );
}

/** Publishes to the departments: each gets a receipt to acknowledge; the appeal clock starts. */
export async function publish(user: SessionUser, id: string) {
  const draft = await NoticeModel.findById(id).lean<Notice>();
  if (!draft) throw notFound('Notice');
  const { noticeAppealDays } = await inspectionSettings.get();
  const now = new Date();
  const notice = await transition(id, 'APPROVED', {
    status: 'PUBLISHED',
    publishedBy: user.id,
    publishedAt: now,
    appealDeadline: await addWorkingDays(now, noticeAppealDays),
    receipts: draft.departments.map((department) => ({ department })),
  });
  return ensureNumber(notice);
}
