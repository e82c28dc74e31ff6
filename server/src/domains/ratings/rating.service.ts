import { Types, trusted } from 'mongoose';
import type { z } from 'zod';
import type { SessionUser } from '../../graphql/context.js';
import { invalidState, notFound } from '../../graphql/errors.js';
import { paginate } from '../../graphql/pagination.js';
import { assertDepartment, departmentFilter } from '../accounts/access.js';
import type { ratingFilter, suspectReview } from './rating.inputs.js';
import { RatingModel, type Rating } from './rating.model.js';
import { excludeFollowUpOf } from '../follow-ups/follow-up.service.js';

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

/**
 * Ends the review of a suspect rating: genuine → counted; misuse (刷评) → excluded with the reason,
 * and its follow-up with it. Either way it leaves the queue (suspect: false). The update is
 * conditional on `suspect`, so two reviewers racing cannot both decide.
 */
export async function reviewSuspect(user: SessionUser, { id, genuine, note }: z.output<typeof suspectReview>) {
  const r = await RatingModel.findById(id).lean<Rating>();
  if (!r) throw notFound('Rating');
  assertDepartment(user, r.department);
  if (!r.suspect) throw invalidState('Only a suspect rating is reviewed; this one was reviewed or never flagged');
  const reviewed = { suspect: false, reviewedAt: new Date() };
  const reason = `${r.suspectReason ?? '疑似刷评'}；经复核确认为刷评${note ? `：${note}` : ''}`;
  const set = genuine
    ? { ...reviewed, counted: !r.excluded }
    : { ...reviewed, excluded: true, excludedReason: reason, counted: false };
  const doc = await RatingModel.findOneAndUpdate(
    { _id: r._id, suspect: true },
    { $set: set },
    { new: true },
  ).lean<Rating>();
  if (!doc) throw invalidState('Someone else has just reviewed this rating; please refresh');
  if (!genuine) await excludeFollowUpOf(user, r._id, reason);
  return doc;
}
