import { bimonthKey, bimonthOfMonth, bimonthRange } from '@common/periods';
import { localDate as ymd } from '@common/time';

// Date ranges for the filters, as the center's local dates.

export type Preset = 'today' | 'last7' | 'last30' | 'month' | 'bimonth' | 'year';

export function presetRange(p: Preset, now = new Date()): [string, string] {
  const today = ymd(now);
  const [y, m] = today.split('-').map(Number) as [number, number];
  const back = (days: number) => ymd(new Date(now.getTime() - days * 86_400_000));
  switch (p) {
    case 'today':
      return [today, today];
    case 'last7':
      return [back(6), today];
    case 'last30':
      return [back(29), today];
    case 'month':
      return [`${today.slice(0, 7)}-01`, today];
    case 'bimonth':
      // Bulletin periods: Jan–Feb, Mar–Apr, … Nov–Dec.
      return [bimonthRange(bimonthKey(y, bimonthOfMonth(m))).from, today];
    case 'year':
      return [`${y}-01-01`, today];
  }
}
