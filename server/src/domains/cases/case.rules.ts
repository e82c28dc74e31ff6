import { validDate } from '../../lib/table-import.js';

// The checks every case record passes, whether imported or entered by hand.

export const COUNT_FIELDS = ['accepted', 'completed', 'onTime', 'overdue'] as const;
export type CaseCounts = Record<(typeof COUNT_FIELDS)[number], number>;

export interface Problem {
  field: string;
  message: string;
}

/** Dates in order and counts that add up: on time cannot exceed completed. */
export function checkFigures(r: { periodFrom: string; periodTo: string } & CaseCounts): Problem[] {
  const problems: Problem[] = [];
  if (!validDate(r.periodFrom)) problems.push({ field: 'periodFrom', message: 'not a date like 2026-03-01' });
  if (!validDate(r.periodTo)) problems.push({ field: 'periodTo', message: 'not a date like 2026-03-31' });
  else if (validDate(r.periodFrom) && r.periodTo < r.periodFrom)
    problems.push({ field: 'periodTo', message: 'must not be before the start' });
  for (const f of COUNT_FIELDS) {
    if (!Number.isInteger(r[f]) || r[f] < 0 || r[f] > 10_000_000)
      problems.push({ field: f, message: 'a whole number, 0 or more' });
  }
  if (Number.isInteger(r.onTime) && Number.isInteger(r.completed) && r.onTime > r.completed) {
    problems.push({ field: 'onTime', message: 'cannot exceed completed' });
  }
  return problems;
}

/** The upsert filter of a record's natural key. */
export const naturalKey = (r: {
  department: unknown;
  window: unknown;
  serviceItem: unknown;
  periodFrom: string;
  periodTo: string;
}) => ({
  department: r.department,
  window: r.window ?? null,
  serviceItem: r.serviceItem,
  periodFrom: r.periodFrom,
  periodTo: r.periodTo,
});
