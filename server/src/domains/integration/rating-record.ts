import { trusted, type Types } from 'mongoose';
import { localDateTime } from '../../../../common/time.js';
import { DepartmentModel } from '../departments/department.model.js';
import type { Rating } from '../ratings/rating.model.js';
import { ServiceItemModel } from '../service-items/service-item.model.js';
import { StaffModel } from '../staff/staff.model.js';
import { WindowModel } from '../windows/window.model.js';

// A rating as machine clients see it (the ratings API and the rating webhooks): codes instead of
// ids, and nothing personal: no call-back phone, no address hash, no device.

export interface RatingRecord {
  id: string;
  createdAt: string;
  localTime: string;
  level: Rating['level'];
  good: boolean;
  negative: boolean;
  tags: string[];
  comment: string;
  channel: Rating['channel'];
  windowCode: string;
  departmentCode: string;
  staffNo: string | null;
  caseNumber: string | null;
  servedCase: string | null;
  serviceItemCode: string | null;
  ratingSeq: number;
  regionCode: string;
  staffAskedForGood: boolean | null;
  /** False for a burst or a rating excluded after review: kept, but not in the figures. */
  counted: boolean;
}

type Coded = { _id: Types.ObjectId } & Record<string, unknown>;
const codesOf = async (
  model: { find(f: object, p: object): { lean<T>(): Promise<T> } },
  ids: unknown[],
  field: string,
) => {
  const docs = await model
    .find({ _id: trusted({ $in: [...new Set(ids.filter(Boolean).map(String))] }) }, { [field]: 1 })
    .lean<Coded[]>();
  return new Map(docs.map((d) => [String(d._id), typeof d[field] === 'string' ? d[field] : '']));
};

/** The records of these ratings, with the codes of their windows, departments, staff and items. */
export async function ratingRecords(ratings: Rating[]): Promise<RatingRecord[]> {
  const [windows, departments, staff, items] = await Promise.all([
    codesOf(
      WindowModel,
      ratings.map((r) => r.window),
      'code',
    ),
    codesOf(
      DepartmentModel,
      ratings.map((r) => r.department),
      'code',
    ),
    codesOf(
      StaffModel,
      ratings.map((r) => r.staff),
      'staffNo',
    ),
    codesOf(
      ServiceItemModel,
      ratings.map((r) => r.serviceItem),
      'code',
    ),
  ]);
  return ratings.map((r) => ({
    id: String(r._id),
    createdAt: r.createdAt.toISOString(),
    localTime: localDateTime(r.createdAt),
    level: r.level,
    good: r.good,
    negative: r.negative,
    tags: r.tags,
    comment: r.comment,
    channel: r.channel,
    windowCode: windows.get(String(r.window)) ?? '',
    departmentCode: departments.get(String(r.department)) ?? '',
    staffNo: r.staff ? (staff.get(String(r.staff)) ?? null) : null,
    caseNumber: r.caseNumber ?? null,
    servedCase: r.servedCase ?? null,
    serviceItemCode: r.serviceItem ? (items.get(String(r.serviceItem)) ?? null) : null,
    ratingSeq: r.ratingSeq ?? 1,
    regionCode: r.regionCode ?? '',
    staffAskedForGood: r.staffAskedForGood ?? null,
    counted: r.counted,
  }));
}
