import { Types, trusted } from 'mongoose';
import type { z } from 'zod';
import type { SessionUser } from '../../graphql/context.js';
import { notFound, validationFailed } from '../../graphql/errors.js';
import { paginate } from '../../graphql/pagination.js';
import { departmentFilter } from '../accounts/access.js';
import { ServiceItemModel } from '../service-items/service-item.model.js';
import { WindowModel } from '../windows/window.model.js';
import type { CaseFilter, caseInput } from './case.inputs.js';
import { CaseRecordModel, type CaseRecord } from './case.model.js';
import { checkFigures, naturalKey, type CaseCounts } from './case.rules.js';

/** The filter for find() (operators marked trusted) or, with `op` left out, for an aggregation. */
export function caseFilter(user: SessionUser, f: CaseFilter, op: <T>(x: T) => T = trusted) {
  return {
    ...(f.departmentId ? { department: new Types.ObjectId(f.departmentId) } : {}),
    ...(f.from ? { periodFrom: op({ $gte: f.from }) } : {}),
    ...(f.to ? { periodTo: op({ $lte: f.to }) } : {}),
    ...departmentFilter(user),
  };
}

export const pageCases = (user: SessionUser, f: CaseFilter, page: number, pageSize: number) =>
  paginate<CaseRecord>(
    CaseRecordModel,
    caseFilter(user, f),
    { periodFrom: -1, department: 1, serviceItem: 1 },
    page,
    pageSize,
  );

/** Totals of the records a filter selects, summed in MongoDB. */
export async function caseTotals(user: SessionUser, f: CaseFilter) {
  const [row] = await CaseRecordModel.aggregate<CaseCounts & { records: number }>([
    { $match: caseFilter(user, f, (x) => x) },
    {
      $group: {
        _id: null,
        records: { $sum: 1 },
        accepted: { $sum: '$accepted' },
        completed: { $sum: '$completed' },
        onTime: { $sum: '$onTime' },
        overdue: { $sum: '$overdue' },
      },
    },
  ]);
  return row ?? { records: 0, accepted: 0, completed: 0, onTime: 0, overdue: 0 };
}

/** Enters (or corrects) one record by hand; the same natural key overwrites the record. */
export async function saveCase(user: SessionUser, input: z.output<typeof caseInput>) {
  const [item, win] = await Promise.all([
    ServiceItemModel.findById(input.serviceItemId).lean(),
    input.windowId ? WindowModel.findById(input.windowId).lean() : null,
  ]);
  const problems = checkFigures(input).map((p) => ({ path: p.field, message: p.message }));
  if (!item) problems.push({ path: 'serviceItemId', message: 'no such service item' });
  else if (String(item.department) !== input.departmentId)
    problems.push({ path: 'serviceItemId', message: 'not a service item of this department' });
  if (input.windowId && (!win || String(win.department) !== input.departmentId))
    problems.push({ path: 'windowId', message: 'not a window of this department' });
  if (problems.length) throw validationFailed(problems);
  const record = {
    department: new Types.ObjectId(input.departmentId),
    window: input.windowId ? new Types.ObjectId(input.windowId) : null,
    serviceItem: item!._id,
    periodFrom: input.periodFrom,
    periodTo: input.periodTo,
  };
  const { accepted, completed, onTime, overdue } = input;
  return await CaseRecordModel.findOneAndUpdate(
    naturalKey(record),
    { $set: { ...record, accepted, completed, onTime, overdue, source: 'MANUAL', updatedBy: user.id } },
    { upsert: true, new: true },
  ).lean<CaseRecord>();
}

export async function deleteCase(id: string) {
  const res = await CaseRecordModel.deleteOne({ _id: id });
  if (!res.deletedCount) throw notFound('Case record');
  return true;
}
