// Date ranges for the filters, as local dates (the center is in Asia/Shanghai).
const ymd = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

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
      return [`${y}-${String(m % 2 ? m : m - 1).padStart(2, '0')}-01`, today];
    case 'year':
      return [`${y}-01-01`, today];
  }
}
