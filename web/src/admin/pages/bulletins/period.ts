import { centerDate } from '../../composables/format';

// The period picker's choices, as the server's period keys: 2026-B6, 2026-H2, 2026 or a range.
export type Kind = 'BIMONTH' | 'HALF_YEAR' | 'YEAR' | 'RANGE';

export interface PeriodForm {
  kind: Kind;
  year: number;
  /** 1–6 (Jan–Feb … Nov–Dec) */
  bimonth: number;
  /** 1–2 */
  half: number;
  range: [string, string];
}

/** Defaults to the last complete bimonth: what a manager reports on at the start of the next. */
export function defaultPeriod(today = centerDate()): PeriodForm {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const current = Math.ceil(m / 2);
  const [year, bimonth] = current === 1 ? [y - 1, 6] : [y, current - 1];
  return {
    kind: 'BIMONTH',
    year,
    bimonth,
    half: m <= 6 ? 1 : 2,
    range: [`${y}-${String(m).padStart(2, '0')}-01`, today],
  };
}

export function periodInput(f: PeriodForm) {
  switch (f.kind) {
    case 'BIMONTH':
      return { key: `${f.year}-B${f.bimonth}` };
    case 'HALF_YEAR':
      return { key: `${f.year}-H${f.half}` };
    case 'YEAR':
      return { key: String(f.year) };
    case 'RANGE':
      return { from: f.range[0], to: f.range[1] };
  }
}

export const recentYears = (today = centerDate()) => {
  const y = Number(today.slice(0, 4));
  return [y, y - 1, y - 2, y - 3];
};
