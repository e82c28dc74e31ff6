import { validationFailed } from '../../graphql/errors.js';
import { bimonthRange } from '../../../../common/periods.js';
import { periodText } from '../notices/notice.text.js';

// A reporting period: one of the year's six bimonths (the bulletin's own rhythm), a half-year,
// a year, or any range of local dates. Each turns into inclusive local dates and a label, and
// has a previous period of the same kind to compare against.

export const PERIOD_KINDS = ['BIMONTH', 'HALF_YEAR', 'YEAR', 'RANGE'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  /** "2026-B6", "2026-H2", "2026" or "2026-03-02~2026-03-20": one bulletin per key. */
  key: string;
  /** Local dates, inclusive. */
  from: string;
  to: string;
  label: string;
}

const DAY_MS = 86_400_000;
const BIMONTH = /^(20\d{2})-B([1-6])$/;
const HALF = /^(20\d{2})-H([12])$/;
const YEAR = /^(20\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The longest custom range: two years. */
const MAX_RANGE_DAYS = 731;

const lastOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');
const isDate = (s: string) => DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const shift = (ymd: string, days: number) =>
  new Date(Date.parse(`${ymd}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

function bimonth(y: number, b: number): Period {
  const { from, to } = bimonthRange(`${y}-B${b}`);
  return { kind: 'BIMONTH', key: `${y}-B${b}`, from, to, label: `${y}年${b * 2 - 1}—${b * 2}月` };
}

function half(y: number, h: number): Period {
  const [m1, m2] = h === 1 ? [1, 6] : [7, 12];
  return {
    kind: 'HALF_YEAR',
    key: `${y}-H${h}`,
    from: `${y}-${pad(m1)}-01`,
    to: `${y}-${pad(m2)}-${lastOfMonth(y, m2)}`,
    label: `${y}年${h === 1 ? '上' : '下'}半年`,
  };
}

const year = (y: number): Period => ({
  kind: 'YEAR',
  key: String(y),
  from: `${y}-01-01`,
  to: `${y}-12-31`,
  label: `${y}年`,
});

function range(from: string, to: string): Period {
  const problems = [
    ...(isDate(from) ? [] : [{ path: 'from', message: 'a date like 2026-03-01' }]),
    ...(isDate(to) ? [] : [{ path: 'to', message: 'a date like 2026-03-31' }]),
  ];
  if (!problems.length && to < from) problems.push({ path: 'to', message: 'must not be before from' });
  if (!problems.length && daysBetween(from, to) >= MAX_RANGE_DAYS)
    problems.push({ path: 'to', message: 'at most two years' });
  if (problems.length) throw validationFailed(problems);
  return { kind: 'RANGE', key: `${from}~${to}`, from, to, label: periodText(from, to) };
}

/** A period from its key ("2026-B6", "2026-H2", "2026", "2026-03-02~2026-03-20"). */
export function periodOf(key: string): Period {
  let m: RegExpExecArray | null;
  if ((m = BIMONTH.exec(key))) return bimonth(Number(m[1]), Number(m[2]));
  if ((m = HALF.exec(key))) return half(Number(m[1]), Number(m[2]));
  if ((m = YEAR.exec(key))) return year(Number(m[1]));
  const [from, to, ...rest] = key.split('~');
  if (from && to && !rest.length) return range(from, to);
  throw validationFailed([{ path: 'key', message: 'a period like 2026-B6, 2026-H2, 2026 or 2026-03-02~2026-03-20' }]);
}

/** A period from the API's input: a key, or a custom range of local dates. */
export function resolvePeriod(input: { key?: string | null; from?: string | null; to?: string | null }): Period {
  if (input.key) return periodOf(input.key);
  if (input.from && input.to) return range(input.from, input.to);
  throw validationFailed([{ path: 'key', message: 'give a period key or a from/to range' }]);
}

/** The period of the same kind just before: the bimonth, half-year or year before, or an equally long range. */
export function previousPeriod(p: Period): Period {
  const y = Number(p.from.slice(0, 4));
  const m = Number(p.from.slice(5, 7));
  switch (p.kind) {
    case 'BIMONTH':
      return m === 1 ? bimonth(y - 1, 6) : bimonth(y, (m + 1) / 2 - 1);
    case 'HALF_YEAR':
      return m === 1 ? half(y - 1, 2) : half(y, 1);
    case 'YEAR':
      return year(y - 1);
    case 'RANGE': {
      const length = daysBetween(p.from, p.to) + 1;
      return range(shift(p.from, -length), shift(p.from, -1));
    }
  }
}

/** The local months ("2026-11") a period touches, for the monthly trend. */
export function monthsOf(p: Period) {
  const out: string[] = [];
  for (let ym = p.from.slice(0, 7); ym <= p.to.slice(0, 7);) {
    out.push(ym);
    const [y, m] = ym.split('-').map(Number) as [number, number];
    ym = m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
  }
  return out;
}
