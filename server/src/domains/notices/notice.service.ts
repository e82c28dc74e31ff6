import { tell, text } from '../notifications/notification.service.js';
import { Types, trusted } from 'mongoose';
import type { SessionUser } from '../../graphql/context.js';
import { invalidState, notFound, validationFailed } from '../../graphql/errors.js';
import { paginate } from '../../graphql/pagination.js';
import { endOfLocalDay, localInstant } from '../../../../common/time.js';
import { addWorkingDays } from '../calendar/calendar.service.js';
import { assignNumber } from '../documents/numbering.js';
import { receiptsFor } from '../documents/receipts.js';
import { listScope, readable } from '../documents/visibility.js';
import { inspectionSettings } from '../inspections/inspection.settings.js';
import { ViolationModel, type Violation } from '../inspections/violation.model.js';
import type { DraftInput, DraftUpdate } from './notice.inputs.js';
import { NoticeModel, type Notice } from './notice.model.js';
import { defaultBody, defaultTitle } from './notice.text.js';

/** Newest first; a liaison lists the published notices that name its department. */
export function pageNotices(user: SessionUser, status: string | null | undefined, page: number, pageSize: number) {
  const filter = { ...(status ? { status } : {}), ...listScope(user, 'departments') };
  return paginate<Notice>(NoticeModel, filter, { createdAt: -1 }, page, pageSize);
}

/** A notice as the user may read it: a liaison only a published one that names its department. */
export async function getNotice(user: SessionUser, id: string) {
  return readable(user, await NoticeModel.findById(id).lean<Notice>(), 'Notice', (n) => n.departments);
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
  throw invalidState('The notice is {{state}}; it must be {{wanted}}', { state: current.status, wanted: from });
}

export const updateDraft = (id: string, changes: DraftUpdate) => transition(id, 'DRAFT', changes);

export async function deleteDraft(id: string) {
  const res = await NoticeModel.deleteOne({ _id: id, status: 'DRAFT' });
  if (!res.deletedCount) await transition(id, 'DRAFT', {}); // explains why not
  await ViolationModel.updateMany({ notice: new Types.ObjectId(id) }, { notice: null });
  return true;
}

/** Gives an approved notice its number for the year of its approval, once; safe to repeat. */
const ensureNumber = (notice: Notice) => assignNumber('notice', NoticeModel, notice, notice.approvedAt ?? new Date());

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
    receipts: receiptsFor(draft.departments),
  });
  const published = await ensureNumber(notice);
  for (const department of draft.departments) {
    await tell({
      key: `notice:${id}:published:${String(department)}`,
      kind: 'NOTICE_TO_ACKNOWLEDGE',
      title: text('Notice to acknowledge: {{notice}}', { notice: published.number || published.title }),
      link: `/admin/notices/${id}`,
      to: { capability: 'respondForDepartment', department },
    });
  }
  return published;
}
