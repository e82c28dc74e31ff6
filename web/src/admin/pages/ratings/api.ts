import { savedLocale } from '@/i18n/locale';
import { request } from '@/graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '@/graphql/graphql';

const Stats = graphql(`
  query RatingDashboard($f: RatingStatsFilter!, $interval: StatsInterval!, $rankBy: RankBy!, $minRatings: Int!) {
    ratingStats(filter: $f) {
      summary {
        total
        good
        bad
        goodRate
        badRate
        byLevel {
          level
          count
        }
        followUps {
          total
          closed
          resolved
          unresolved
          open
          excluded
          overdue
          rectificationRate
          onTimeRate
        }
      }
      trend(interval: $interval) {
        period
        total
        good
        bad
        goodRate
        badRate
      }
      heatmap {
        weekday
        hour
        total
        bad
      }
      ranking(by: $rankBy, minRatings: $minRatings, limit: 100) {
        rank
        id
        total
        good
        bad
        goodRate
        badRate
        window {
          code
          name
        }
        department {
          shortName
        }
        staff {
          name
          staffNo
        }
      }
    }
  }
`);

const Options = graphql(`
  query RatingFilterOptions($departmentId: ID) {
    windows(departmentId: $departmentId) {
      id
      code
      name
    }
    staffPage(departmentId: $departmentId, pageSize: 100) {
      items {
        id
        name
        staffNo
      }
    }
  }
`);

export type StatsFilter = VariablesOf<typeof Stats>['f'];
export type Interval = VariablesOf<typeof Stats>['interval'];
export type RankBy = VariablesOf<typeof Stats>['rankBy'];
export type Dashboard = ResultOf<typeof Stats>['ratingStats'];
export type RankRow = Dashboard['ranking'][number];

export const loadDashboard = (f: StatsFilter, interval: Interval, rankBy: RankBy, minRatings: number) =>
  request(Stats, { f, interval, rankBy, minRatings }).then((d) => d.ratingStats);
export const filterOptions = (departmentId: string | null) =>
  request(Options, { departmentId }).then((d) => ({ windows: d.windows, staff: d.staffPage.items }));

/** The CSV or XLSX of the same filter (a plain download; the session cookie authorises it). */
export function csvUrl(f: StatsFilter, format: 'csv' | 'xlsx' = 'csv') {
  const q = new URLSearchParams(Object.entries(f).filter(([, v]) => v) as Array<[string, string]>);
  q.set('lang', savedLocale());
  return `/api/ratings.${format}?${q.toString()}`;
}
