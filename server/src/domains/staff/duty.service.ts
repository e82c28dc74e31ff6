import { t } from '../../lib/messages.js';
import { Types, trusted } from 'mongoose';
import type { z } from 'zod';
import type { SessionUser } from '../../graphql/context.js';
import { invalidState, notFound, validationFailed } from '../../graphql/errors.js';
import { assertDepartment, departmentFilter } from '../accounts/access.js';
import { getWindow } from '../windows/window.service.js';
import { DutyModel, type Duty } from './duty.model.js';
import type { dutyFilter, dutyInput } from './staff.inputs.js';
import { StaffModel, type Staff } from './staff.model.js';
import { getStaff } from './staff.service.js';

/** Assignments that overlap [from, to) — `to` null meaning open-ended. */
function overlapping(from: Date, to: Date | null) {
  return {
    from: trusted({ $lt: to ?? new Date(8.64e15) }),
    $or: [{ to: null }, { to: trusted({ $gt: from }) }],
  };
}

export function listDuties(user: SessionUser | null, f: z.output<typeof dutyFilter>) {
  const filter = {
    ...(f.windowId ? { window: new Types.ObjectId(f.windowId) } : {}),
    ...(f.staffId ? { staff: new Types.ObjectId(f.staffId) } : {}),
    ...(f.departmentId ? { department: new Types.ObjectId(f.departmentId) } : {}),
    ...departmentFilter(user),
    ...(f.at ? overlapping(f.at, new Date(f.at.getTime() + 1)) : {}),
  };
  return DutyModel.find(filter).sort({ from: -1 }).limit(500).lean<Duty[]>();
}

/** Who sat at each window at `at`: the attribution rule for ratings and patrol findings. */
export async function onDutyAt(windowIds: readonly string[], at: Date) {
  const duties = await DutyModel.find({
    window: trusted({ $in: windowIds.map((id) => new Types.ObjectId(id)) }),
    ...overlapping(at, new Date(at.getTime() + 1)),
  })
    .sort({ from: -1 })
    .lean<Duty[]>();
  const byWindow = new Map<string, Types.ObjectId[]>();
  for (const d of duties) {
    const list = byWindow.get(String(d.window)) ?? [];
    list.push(d.staff);
    byWindow.set(String(d.window), list);
  }
  return byWindow;
}

/** The staff records on duty at each window at `at`, in the windows' order (a dataloader's answer). */
export async function staffOnDuty(windowIds: readonly string[], at: Date) {
  const byWindow = await onDutyAt(windowIds, at);
  const ids = [...byWindow.values()].flat();
  const staff = await StaffModel.find({ _id: trusted({ $in: ids }) }).lean<Staff[]>();
  const byId = new Map(staff.map((s) => [s._id.toHexString(), s]));
  return windowIds.map((w) => (byWindow.get(w) ?? []).flatMap((id) => byId.get(id.toHexString()) ?? []));
}

export async function assignDuty(user: SessionUser, input: z.output<typeof dutyInput>) {
  const [win, staff] = await Promise.all([getWindow(user, input.windowId), getStaff(user, input.staffId)]);
  if (String(win.department) !== String(staff.department)) {
    throw validationFailed([{ path: 'staffId', message: "must belong to the window's department" }]);
  }
  if (!staff.active || !win.active) throw invalidState('Window and staff member must both be active');
  const to = input.to ?? null;
  if (to && to <= input.from) throw validationFailed([{ path: 'to', message: 'must be after the start' }]);
  await assertNoClash(win._id, staff._id, input.from, to);
  const doc = await DutyModel.create({
    window: win._id,
    staff: staff._id,
    department: win.department,
    from: input.from,
    to,
    note: input.note ?? '',
  });
  return doc.toObject<Duty>();
}

/** One window has one person on duty at a time, and one person sits at one window at a time. */
async function assertNoClash(
  window: Types.ObjectId,
  staff: Types.ObjectId,
  from: Date,
  to: Date | null,
  except?: Types.ObjectId,
) {
  const clash = await DutyModel.findOne({
    $and: [
      { $or: [{ window }, { staff }] },
      overlapping(from, to),
      ...(except ? [{ _id: trusted({ $ne: except }) }] : []),
    ],
  }).lean<Duty>();
  if (clash) {
    const who = String(clash.window) === String(window) ? 'window' : 'staff member';
    throw validationFailed([
      { path: 'from', message: 'the {{who}} already has a duty in this period', params: { who: t(who) } },
    ]);
  }
}

async function getDuty(user: SessionUser, id: string) {
  const duty = await DutyModel.findById(id).lean<Duty>();
  if (!duty) throw notFound('Duty assignment');
  assertDepartment(user, duty.department, 'this duty assignment');
  return duty;
}

/** Closes an open-ended assignment (or shortens one) at `to`. */
export async function endDuty(user: SessionUser, id: string, to: Date) {
  const duty = await getDuty(user, id);
  if (to <= duty.from) throw validationFailed([{ path: 'to', message: 'must be after the start' }]);
  await assertNoClash(duty.window, duty.staff, duty.from, to, duty._id);
  return DutyModel.findByIdAndUpdate(id, { to }, { new: true }).lean<Duty>();
}

export async function deleteDuty(user: SessionUser, id: string) {
  await getDuty(user, id);
  await DutyModel.deleteOne({ _id: id });
  return true;
}
