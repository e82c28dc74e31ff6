// The figures a bulletin reports for one department, window or staff member over one period.
// Every source adds its counts; rates are derived from the counts at the end.

export const COUNT_KEYS = [
  'ratings',
  'good',
  'bad',
  'followUps',
  'followUpsClosed',
  'followUpsResolved',
  'followUpsUnresolved',
  'followUpsOnTime',
  'followUpsLate',
  'complaints',
  'upheld',
  'repliesDue',
  'repliedOnTime',
  'violations',
  'points',
  'observations',
  'present',
  'accepted',
  'completed',
  'casesOnTime',
  'overdue',
] as const;
export type CountKey = (typeof COUNT_KEYS)[number];
export type Counts = Record<CountKey, number>;

export const zeroCounts = (): Counts => Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as Counts;

export function addCounts(into: Counts, more: Partial<Counts>) {
  for (const k of COUNT_KEYS) into[k] += more[k] ?? 0;
  return into;
}

const rate = (part: number, whole: number) => (whole ? part / whole : null);

/** Rates, each null when there is nothing to divide by. */
export function ratesOf(c: Counts) {
  return {
    goodRate: rate(c.good, c.ratings),
    badRate: rate(c.bad, c.ratings),
    /** 差评整改率: closed resolved / follow-ups due (excluded ones aside); 未解决 is not fixed. */
    closureRate: rate(c.followUpsResolved, c.followUps),
    followUpOnTimeRate: rate(c.followUpsOnTime, c.followUpsClosed),
    replyOnTimeRate: rate(c.repliedOnTime, c.repliesDue),
    attendanceRate: rate(c.present, c.observations),
    /** 办结率, capped at 1: cases accepted earlier may be completed in the period. */
    completionRate: c.accepted ? Math.min(1, c.completed / c.accepted) : null,
    caseOnTimeRate: rate(c.casesOnTime, c.completed),
  };
}
export type Rates = ReturnType<typeof ratesOf>;
export const RATE_KEYS = Object.keys(ratesOf(zeroCounts())) as Array<keyof Rates>;

/** Counts grouped in MongoDB at the finest grain: one department, window and staff member, in the current or the previous period. */
export interface Cell {
  department: string | null;
  window: string | null;
  staff: string | null;
  current: boolean;
  /** Local month, for the ratings trend. */
  month?: string | null;
  counts: Partial<Counts>;
}

/** The period reported and the one it is compared with (the same kind, just before). */
export interface Frame {
  current: { from: string; to: string; key: string };
  previous: { from: string; to: string; key: string };
}
