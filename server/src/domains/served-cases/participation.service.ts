import { Types, trusted } from 'mongoose';
import type { SessionUser } from '../../graphql/context.js';
import { departmentFilter } from '../accounts/access.js';
import { RatingModel } from '../ratings/rating.model.js';
import { ServedCaseModel } from './served-case.model.js';

// Participation and integrity figures (issue 16 item 5): of the cases served at each window and
// by each staff member, how many were rated; ratings not bound to a case apart (they prove less);
// and how often citizens said, after a good rating, that the staff had asked for it (51号).

export interface ParticipationFilter {
  from: string; // local dates, inclusive
  to: string;
  departmentId?: string | null;
}

export interface ParticipationRow {
  key: string | null; // the window's or staff member's id (null: cases with no staff named)
  cases: number;
  rated: number;
  rate: number;
  /** Counted ratings in the period, and those of them not bound to a served case. */
  ratings: number;
  unbound: number;
}

const rate = (part: number, whole: number) => (whole ? part / whole : 0);

function tally(rows: Map<string, ParticipationRow>, key: string | null) {
  const k = key ?? '';
  let row = rows.get(k);
  if (!row) rows.set(k, (row = { key, cases: 0, rated: 0, rate: 0, ratings: 0, unbound: 0 }));
  return row;
}

const sorted = (rows: Map<string, ParticipationRow>) =>
  [...rows.values()]
    .map((r) => ({ ...r, rate: rate(r.rated, r.cases) }))
    .sort((a, b) => b.cases - a.cases || b.ratings - a.ratings);

export async function participation(user: SessionUser | null, f: ParticipationFilter) {
  const scope = {
    ...(f.departmentId ? { department: new Types.ObjectId(f.departmentId) } : {}),
    ...departmentFilter(user), // a liaison: its own department, whatever it asked for
  };
  const day = trusted({ $gte: f.from, $lte: f.to });
  const [cases, ratings] = await Promise.all([
    ServedCaseModel.find({ ...scope, day }, { window: 1, staff: 1, ratedBy: 1 }).lean(),
    RatingModel.find(
      { ...scope, counted: true, day },
      { window: 1, staff: 1, servedCase: 1, good: 1, staffAskedForGood: 1 },
    ).lean(),
  ]);
  const windows = new Map<string, ParticipationRow>();
  const staff = new Map<string, ParticipationRow>();
  for (const c of cases) {
    for (const row of [tally(windows, String(c.window)), tally(staff, c.staff ? String(c.staff) : null)]) {
      row.cases++;
      if (c.ratedBy) row.rated++;
    }
  }
  let unbound = 0;
  const steering = { goodRatings: 0, answered: 0, yes: 0, yesShare: 0 };
  for (const r of ratings) {
    const free = !r.servedCase;
    if (free) unbound++;
    const rows = [tally(windows, String(r.window))];
    if (r.staff) rows.push(tally(staff, String(r.staff)));
    for (const row of rows) {
      row.ratings++;
      if (free) row.unbound++;
    }
    if (r.good) {
      steering.goodRatings++;
      if (r.staffAskedForGood !== null && r.staffAskedForGood !== undefined) steering.answered++;
      if (r.staffAskedForGood === true) steering.yes++;
    }
  }
  steering.yesShare = rate(steering.yes, steering.answered);
  const rated = cases.filter((c) => c.ratedBy).length;
  return {
    totals: {
      cases: cases.length,
      rated,
      rate: rate(rated, cases.length),
      ratings: ratings.length,
      bound: ratings.length - unbound,
      unbound,
    },
    windows: sorted(windows),
    staff: sorted(staff),
    steering,
  };
}
