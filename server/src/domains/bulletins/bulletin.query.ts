import type { SessionUser } from '../../graphql/context.js';
import { notFound } from '../../graphql/errors.js';
import { paginate } from '../../graphql/pagination.js';
import { assertDepartment } from '../accounts/access.js';
import { listScope, partFor, readable, visibleParts } from '../documents/visibility.js';
import { BulletinModel, type Bulletin, type BulletinStatus } from './bulletin.model.js';

// Reading bulletins. The center sees every bulletin; a liaison every published one (a bulletin
// goes to all departments), and of their windows and staff only its own department's (the
// department ranking is public anyway). The rules are the documents module's (visibility.ts).

export function pageBulletins(
  user: SessionUser,
  status: BulletinStatus | null | undefined,
  page: number,
  pageSize: number,
) {
  const filter = { ...(status ? { status } : {}), ...listScope(user) };
  return paginate<Bulletin>(BulletinModel, filter, { 'period.to': -1, createdAt: -1 }, page, pageSize);
}

export async function getBulletin(user: SessionUser, id: string) {
  return readable(user, await BulletinModel.findById(id).lean<Bulletin>(), 'Bulletin');
}

/** Rows of a department-bound list that the user may see. */
export const visible = <T extends { departmentId: string }>(user: SessionUser | null, rows: T[]) =>
  visibleParts(user, rows, (r) => r.departmentId);

export const smileStars = (b: Bulletin) => b.snapshot.staff.filter((r) => r.smileStar);

/** Monthly ratings of the period, center-wide or for one department. */
export function trendOf(b: Bulletin, departmentId?: string | null) {
  return b.snapshot.months.map((month) => {
    const cells = b.snapshot.trend.filter(
      (t) => t.month === month && (!departmentId || t.departmentId === departmentId),
    );
    const sum = (k: 'ratings' | 'good' | 'bad') => cells.reduce((n, c) => n + c[k], 0);
    const ratings = sum('ratings');
    return { month, ratings, good: sum('good'), bad: sum('bad'), goodRate: ratings ? sum('good') / ratings : null };
  });
}

/** One department's part of a bulletin: what is sent to it. Another department's part is forbidden to a liaison. */
export function partOf(user: SessionUser, b: Bulletin, departmentId: string) {
  assertDepartment(user, departmentId, "another department's part");
  const department = b.snapshot.departments.find((d) => d.id === departmentId);
  if (!department) throw notFound('Department in this bulletin');
  const mine = <T extends { departmentId: string }>(rows: T[]) => rows.filter((r) => r.departmentId === departmentId);
  return {
    bulletin: b,
    department,
    windows: mine(b.snapshot.windows),
    staff: mine(b.snapshot.staff),
    smileStars: mine(smileStars(b)),
    trend: trendOf(b, departmentId),
    receipt: b.receipts.find((r) => String(r.department) === departmentId) ?? null,
    rankedDepartments: b.snapshot.departments.filter((d) => d.rank !== null).length,
  };
}
export type BulletinPart = ReturnType<typeof partOf>;

export async function getPart(user: SessionUser, id: string, departmentId: string) {
  partFor(user, departmentId); // refuses another department's part before reading anything
  return partOf(user, await getBulletin(user, id), departmentId);
}

/** The latest published bulletin (or the one of a period), for the public page. */
export async function publishedBulletin(periodKey?: string | null) {
  const filter = { status: 'PUBLISHED', ...(periodKey ? { 'period.key': periodKey } : {}) };
  return BulletinModel.findOne(filter).sort({ 'period.to': -1, publishedAt: -1 }).lean<Bulletin>();
}

/** The periods published so far, newest first. */
export async function publishedPeriods() {
  const docs = await BulletinModel.find({ status: 'PUBLISHED' })
    .select({ period: 1, number: 1 })
    .sort({ 'period.to': -1 })
    .limit(24)
    .lean<Pick<Bulletin, 'period' | 'number'>[]>();
  return docs.map((d) => ({ key: d.period.key, label: d.period.label, number: d.number }));
}
