import { Types, trusted } from 'mongoose';
import type { z } from 'zod';
import { isDuplicateKey } from '../../db.js';
import type { Context } from '../../graphql/context.js';
import { AppError, validationFailed } from '../../graphql/errors.js';
import { keyedHash } from '../../lib/crypto.js';
import { consumeOrRetryAfter, createLimiter } from '../../lib/rate-limit.js';
import { DepartmentModel, type Department } from '../departments/department.model.js';
import { ServiceItemModel, type ServiceItem } from '../service-items/service-item.model.js';
import { onDutyAt } from '../staff/duty.service.js';
import { StaffModel, type Staff } from '../staff/staff.model.js';
import { WindowModel, type Window } from '../windows/window.model.js';
import { newLookupPin, newTrackingCode } from './complaint.codes.js';
import { deadlinesFor, expectedBy } from './complaint.deadlines.js';
import type { complaintTargetArgs, submitComplaintInput } from './complaint.inputs.js';
import { ComplaintModel, type Complaint } from './complaint.model.js';
import { claimPhotos } from './complaint-photos.js';

type SubmitInput = z.output<typeof submitComplaintInput>;

// A hall's shared Wi-Fi puts many citizens behind one address, hence the generous limit.
const submissionsPerIp = createLimiter('complaint_submit', 20, 3600);

const fieldError = (path: string, message: string) => validationFailed([{ path, message }]);

/** What the filing form offers: the active departments and windows (public hall signage). */
export async function complaintTargets() {
  const [departments, windows] = await Promise.all([
    DepartmentModel.find({ active: true }).sort({ sortOrder: 1, code: 1 }).lean<Department[]>(),
    WindowModel.find({ active: true }).sort({ zone: 1, number: 1 }).lean<Window[]>(),
  ]);
  return { departments, windows };
}

/** For a chosen window or department: who is on duty there now, and its service items. */
export async function complaintTarget({ windowCode, departmentId }: z.output<typeof complaintTargetArgs>) {
  const win = windowCode ? await WindowModel.findOne({ code: windowCode, active: true }).lean<Window>() : null;
  const department = win?.department ?? (departmentId ? new Types.ObjectId(departmentId) : null);
  if (!department) return { staff: [], serviceItems: [] };
  const staffIds = win ? ((await onDutyAt([String(win._id)], new Date())).get(String(win._id)) ?? []) : [];
  const [staff, serviceItems] = await Promise.all([
    StaffModel.find({ _id: trusted({ $in: staffIds }), active: true }).lean<Staff[]>(),
    ServiceItemModel.find({
      department,
      active: true,
      ...(win?.serviceItems.length ? { _id: trusted({ $in: win.serviceItems }) } : {}),
    })
      .sort({ code: 1 })
      .lean<ServiceItem[]>(),
  ]);
  return { staff, serviceItems };
}

/** Resolves what the complaint concerns, checking the pieces exist and belong together. */
async function resolveSubject(input: SubmitInput): Promise<Complaint['subject']> {
  let win: Window | null = null;
  if (input.subjectKind !== 'DEPARTMENT') {
    // Every lookup checks its key first: a filter on `undefined` would match any record.
    win = input.windowCode ? await WindowModel.findOne({ code: input.windowCode, active: true }).lean<Window>() : null;
    if (!win) throw fieldError('windowCode', 'no such window');
  }
  const deptId = win?.department ?? input.departmentId;
  const dept = deptId ? await DepartmentModel.findOne({ _id: deptId, active: true }).lean<Department>() : null;
  if (!dept) throw fieldError('departmentId', 'no such department');

  let staff: Staff | null = null;
  if (input.subjectKind === 'STAFF') {
    staff = input.staffId
      ? await StaffModel.findOne({ _id: input.staffId, department: dept._id, active: true }).lean<Staff>()
      : null;
    if (!staff) throw fieldError('staffId', "not a staff member of the window's department");
  }
  let item: ServiceItem | null = null;
  if (input.serviceItemId) {
    item = await ServiceItemModel.findOne({ _id: input.serviceItemId, department: dept._id }).lean<ServiceItem>();
    if (!item) throw fieldError('serviceItemId', 'not a service item of the department');
  }
  return {
    kind: input.subjectKind,
    window: win?._id ?? null,
    windowCode: win?.code ?? null,
    windowName: win?.name ?? null,
    department: dept._id,
    departmentName: dept.name,
    staff: staff?._id ?? null,
    staffName: staff?.name ?? null,
    serviceItem: item?._id ?? null,
    serviceItemName: item?.name ?? null,
  };
}

function resultOf(c: Complaint) {
  return {
    trackingCode: c.trackingCode,
    // Only an anonymous filer needs to be told: the others use their phone's last 4 digits.
    lookupCode: c.anonymous ? c.lookupKey : null,
    expectedBy: expectedBy(c)!,
  };
}

const byClientKey = (clientKey: string) => ComplaintModel.findOne({ clientKey }).lean<Complaint>();

/**
 * Files a complaint. Idempotent by clientKey: a resent submission (say, after a dropped
 * connection) stores nothing new and answers with the same tracking code.
 */
export async function submitComplaint(ctx: Context, input: SubmitInput) {
  const existing = await byClientKey(input.clientKey);
  if (existing) return resultOf(existing);
  const ipHash = keyedHash(ctx.config.secret, 'ip', ctx.clientIp);
  const wait = await consumeOrRetryAfter(submissionsPerIp, ipHash);
  if (wait)
    throw new AppError('RATE_LIMITED', 'Too many complaints from this network; please try later', { retryAfter: wait });

  const subject = await resolveSubject(input);
  const photos = await claimPhotos(input.photoIds ?? [], input.clientKey);
  const now = new Date();
  const fields = {
    clientKey: input.clientKey,
    subject,
    category: input.category,
    description: input.description,
    photos,
    anonymous: input.anonymous,
    name: input.anonymous ? null : (input.name ?? null),
    phone: input.anonymous ? null : (input.phone ?? null),
    lookupKey: input.anonymous ? newLookupPin() : input.phone!.slice(-4),
    ipHash,
    state: 'RECEIVED' as const,
    createdAt: now, // the same instant as the first event and the deadlines' start
    ...(await deadlinesFor(now)),
    timeline: [
      {
        at: now,
        actor: null,
        actorName: 'citizen',
        action: 'SUBMIT',
        from: null,
        to: 'RECEIVED',
        note: '',
        public: true,
      },
    ],
  };
  // A clash on the tracking code (about 1 in 10^17) draws another; on the clientKey it means a
  // concurrent copy of this very submission won the race, whose result is the answer.
  for (let attempt = 1; ; attempt++) {
    try {
      const doc = await ComplaintModel.create({ ...fields, trackingCode: newTrackingCode() });
      return resultOf(doc.toObject<Complaint>());
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const winner = await byClientKey(input.clientKey);
      if (winner) return resultOf(winner);
      if (attempt >= 3) throw err;
    }
  }
}
