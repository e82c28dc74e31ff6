import { Types, trusted } from 'mongoose';
import type { z } from 'zod';
import type { SessionUser } from '../../graphql/context.js';
import { invalidState, notFound } from '../../graphql/errors.js';
import { paginate } from '../../graphql/pagination.js';
import { assertDepartment, departmentFilter } from '../accounts/access.js';
import type { ratingFilter, suspectReview } from './rating.inputs.js';
import { RatingModel, type Rating } from './rating.model.js';

// Single ratings as staff read and review them; the figures over many are in rating-stats/.

/** Ratings, newest first; a liaison's own department only. */
export function pageRatings(
  user: SessionUser | null,
  f: z.output<typeof ratingFilter>,
  page: number,
  pageSize: number,
) {
  const id = (v: string | null | undefined) => (v ? new Types.ObjectId(v) : undefined);
  const range = { ...(f.from ? { $gte: f.from } : {}), ...(f.to ? { $lt: f.to } : {}) };
  const filter = Object.fromEntries(
    Object.entries({
      department: id(f.departmentId),
      ...departmentFilter(user),
      window: id(f.windowId),
      staff: id(f.staffId),
      level: f.level ?? undefined,
      suspect: f.suspect ?? undefined,
      createdAt: f.from || f.to ? trusted(range) : undefined,
    }).filter(([, v]) => v !== undefined),
  );
  return paginate<Rating>(RatingModel, filter, { createdAt: -1 }, page, pageSize);
}

/** Counts a suspect rating after all (genuine) or keeps it out for good (misuse), with the reason. */
export async function reviewSuspect(user: SessionUser, { id, genuine, note }: z.output<typeof suspectReview>) {
  const r = await RatingModel.findById(id).lean<Rating>();
  if (!r) throw notFound('Rating');
  assertDepartment(user, r.department);
  if (!r.suspect) throw invalidState('Only ratings flagged as suspect are reviewed');
  const reason = genuine ? null : `${r.suspectReason ?? 'suspect'}; confirmed as misuse${note ? `: ${note}` : ''}`;
  const doc = await RatingModel.findByIdAndUpdate(
    r._id,
    { suspect: !genuine, suspectReason: reason, counted: genuine && !r.excluded },
    { new: true },
  ).lean<Rating>();
  return doc!;
}
